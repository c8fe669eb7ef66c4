"""CAMEO event codes, Goldstein scores and PLOVER types (see ``eventcoder.ontology.cameo``)."""

from .cameo import CameoCode, Ontology, OntologyError, default_ontology, quad_class

__all__ = ["CameoCode", "Ontology", "OntologyError", "default_ontology", "quad_class"]
