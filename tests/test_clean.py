"""Page cleaning: paragraphs, titles, furniture removal (and what must survive it), HTML."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import clean, html_text
from eventcoder.clean import (
    Cleaned,
    FurnitureRules,
    clean_article,
    clean_text,
    html_to_text,
    split_paragraphs,
    strip_tags,
)
from eventcoder.errors import DataFileError
from eventcoder.records import Article, Removed

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

P1 = ("Turkey and Iraq signed an agreement on Monday to jointly manage "
      "water from the Tigris and Euphrates rivers, ending months of tense negotiations.")
P2 = ('"This is a historic day for both our peoples," the Iraqi prime minister said at a '
      "news conference in Ankara. \"Water must unite us, not divide us.\"")
P3 = ("Under the deal, Turkey will guarantee a minimum flow downstream during the summer "
      "months, while Iraq will invest in modernising its irrigation networks.")


def removed_reasons(cleaned: Cleaned) -> list[str]:
    return [r.reason for r in cleaned.removed]


# --- paragraphs ------------------------------------------------------------------------------


def test_normalises_whitespace() -> None:
    text = "Turkey\u00a0and Iraq  signed\u200b a deal.   \r\nIt was\ufeff welcomed.\t \r\n"
    assert split_paragraphs(text) == ["Turkey and Iraq signed a deal.", "It was welcomed."]


def test_blank_lines_separate_paragraphs() -> None:
    assert clean_text(f"{P1}\n\n\n{P2}\n \n{P3}").paragraphs == (P1, P2, P3)


def test_hard_wrapped_lines_are_joined() -> None:
    text = ("The two ministers met in Baghdad on Sunday and agreed\n"
            "to set up a joint committee on water sharing,\n"
            "officials from both sides said.")
    assert split_paragraphs(text) == [
        "The two ministers met in Baghdad on Sunday and agreed to set up a joint committee "
        "on water sharing, officials from both sides said."
    ]


def test_hyphen_at_a_wrap_is_kept_without_a_space() -> None:
    assert split_paragraphs("The long-\nrunning dispute was settled.") == [
        "The long-running dispute was settled."
    ]


def test_line_ending_a_sentence_is_not_joined() -> None:
    text = "Turkey said it would release more water.\nlater that day Iraq welcomed the move."
    assert len(split_paragraphs(text)) == 2


def test_fixed_width_wrapped_block_is_joined_whatever_the_case() -> None:
    text = ("Iraqi officials have long accused Turkey of reducing the flow of the\n"
            "Tigris and Euphrates through a series of dams built since the 1970s,\n"
            "Ankara says the dams help to regulate the flow and prevent floods in\n"
            "Iraq.")
    [paragraph] = split_paragraphs(text)
    assert paragraph.startswith("Iraqi officials") and paragraph.endswith("floods in Iraq.")


def test_caption_and_credit_lines_stay_separate_and_are_both_removed() -> None:
    text = ("FILE - Water flows through the Ilisu dam on the Tigris river in southeastern "
            "Turkey, March 3, 2025.\n(AP Photo/Jane Doe, File)\n\n" + P1 + "\n\n" + P2)
    cleaned = clean_text(text, title="Turkey and Iraq sign water deal")
    assert cleaned.paragraphs == (P1, P2)
    assert [(r.reason, r.text[:6]) for r in cleaned.removed] == [
        ("file-photo", "FILE -"), ("photo-credit", "(AP Ph")
    ]


# --- titles ---------------------------------------------------------------------------------


def test_first_short_line_is_the_title() -> None:
    cleaned = clean_text(f"Turkey and Iraq sign landmark water-sharing deal\n\n{P1}\n\n{P2}")
    assert cleaned.title == "Turkey and Iraq sign landmark water-sharing deal"
    assert cleaned.paragraphs == (P1, P2)
    assert cleaned.removed == ()


def test_title_may_be_a_question() -> None:
    assert clean_text(f"Will the water deal hold?\n{P1}").title == "Will the water deal hold?"


def test_title_comes_after_leading_furniture() -> None:
    cleaned = clean_text(f"Skip to main content\nTurkey and Iraq sign water deal\n\n{P1}")
    assert cleaned.title == "Turkey and Iraq sign water deal"
    assert removed_reasons(cleaned) == ["skip-link"]


@pytest.mark.parametrize(
    "first",
    [
        "Turkey and Iraq signed a water deal on Monday.",  # ends with a period
        'The deal was signed in Ankara, officials said."',  # ... even inside a quote
        "Turkey and Iraq sign " + "a very long headline " * 10,  # over 200 characters
    ],
)
def test_no_title_detected(first: str) -> None:
    cleaned = clean_text(f"{first}\n\n{P1}")
    assert cleaned.title is None
    assert cleaned.paragraphs[0] == " ".join(first.split())


def test_single_paragraph_is_not_a_title() -> None:
    cleaned = clean_text("Turkey and Iraq sign water deal")
    assert cleaned.title is None and cleaned.paragraphs == ("Turkey and Iraq sign water deal",)


def test_wrapped_first_paragraph_is_not_a_title() -> None:
    cleaned = clean_text(f"Turkey and Iraq sign\nwater deal after talks\n\n{P1}")
    assert cleaned.title is None
    assert cleaned.paragraphs[0] == "Turkey and Iraq sign water deal after talks"


def test_given_title_repeated_in_text_is_dropped() -> None:
    cleaned = clean_text(f"Turkey and Iraq sign water deal\n\n{P1}",
                         title="Turkey and Iraq sign  water deal")
    assert cleaned.title == "Turkey and Iraq sign water deal"
    assert cleaned.paragraphs == (P1,) and cleaned.removed == ()


def test_given_title_with_site_name_matches_headline() -> None:
    cleaned = clean_text(f"Turkey and Iraq sign water deal\n\n{P1}",
                         title="Turkey and Iraq sign water deal | Riverside Post")
    assert cleaned.paragraphs == (P1,)


def test_given_title_not_in_text_keeps_first_paragraph() -> None:
    first = "The water deal was signed in Ankara."
    cleaned = clean_text(f"{first}\n\n{P1}", title="Turkey and Iraq sign water deal")
    assert cleaned.paragraphs == (first, P1)


def test_a_short_unpunctuated_lead_line_that_is_not_the_title_goes_as_a_fragment() -> None:
    cleaned = clean_text(f"Water deal signed\n\n{P1}", title="Turkey and Iraq sign water deal")
    assert cleaned.paragraphs == (P1,)
    assert cleaned.removed == (Removed("Water deal signed", "fragment"),)


# --- furniture --------------------------------------------------------------------------------

FURNITURE = [
    ("FILE - Iraqi Prime Minister speaks during a news conference in Baghdad, Iraq, "
     "Oct. 5, 2025.", "file-photo"),
    ("FILE PHOTO: A general view of the Ataturk dam on the Euphrates, Turkey, May 2, 2024.",
     "file-photo"),
    ("(AP Photo/Hussein Malla)", "photo-credit"),
    ("Turkish and Iraqi delegations meet in Ankara on Monday. (AP Photo/Burhan Ozbilici)",
     "photo-credit"),
    ("A general view of the Mosul dam. (Reuters/Khalid al-Mousily)", "photo-credit"),
    ("Iraqi farmers walk across a dried-up field near Basra. (AFP via Getty Images)",
     "photo-credit"),
    ("Smoke rises over the port after the strike. (Photo by Jane Doe/AFP via Getty Images)",
     "photo-credit"),
    ("The minister arrives for talks in Brussels. Jane Doe/Pool via AP", "photo-credit"),
    ("Protesters march through central Tbilisi. Photo: Irakli Gedenidze/Reuters",
     "photo-credit"),
    ("Picture: AFP", "photo-credit"),
    ("Image: Ministry of Water Resources handout", "photo-credit"),
    ("Credit: Anadolu Agency", "photo-credit"),
    ("Workers repair a canal near Basra. John Smith/AFP", "photo-credit"),
    ("Rescue workers search the rubble in Hatay. EPA-EFE/SEDAT SUNA", "photo-credit"),
    ("Chinese and Iraqi officials attend a ceremony in Beijing. (Xinhua/Li Xin)",
     "photo-credit"),
    ("Xinhua/Li Xin", "photo-credit"),
    ("Iraqi News Agency via AP, File", "photo-credit"),
    ("Getty Images", "photo-credit"),
    ("Image source, Getty Images", "photo-credit"),
    ("Iraqi Foreign Minister Fuad Hussein is pictured in Baghdad on Monday.", "caption"),
    ("Delegates from Turkey and Iraq are pictured after signing the agreement in Ankara.",
     "caption"),
    ("The Turkish president poses for a photo with Iraqi tribal leaders in Ankara.", "caption"),
    ("Pictured: the Tigris river near Mosul", "caption"),
    ("The dam, seen here in 2019", "caption"),
    ("Please let us know if you're having issues with commenting.", "comment-prompt"),
    ("Comments", "comment-prompt"),
    ("12 Comments", "comment-prompt"),
    ("Leave a comment", "comment-prompt"),
    ("What do you think? Leave a comment below.", "comment-prompt"),
    ("Share this article", "share-prompt"),
    ("Share on Facebook", "share-prompt"),
    ("Facebook Twitter WhatsApp Email", "share-prompt"),
    ("Sign up for our daily briefing on the Middle East", "newsletter-prompt"),
    ("Subscribe now for unlimited access", "newsletter-prompt"),
    ("Get our free weekly newsletter on water and climate", "newsletter-prompt"),
    ("Skip to main content", "skip-link"),
    ("ADVERTISEMENT", "advertisement"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Read more: Iraq blames Turkish dams for water shortages", "read-more"),
    ("Read also: Syria says Euphrates flow at record low", "read-more"),
    ("Related:", "related-links"),
    ("Related articles", "related-links"),
    ("Related: Turkey and Iraq agree to resume oil exports", "related-links"),
    ("Click here to read the full text of the agreement", "click-here"),
    ("Follow us on X and Telegram", "follow-us"),
    ("Copyright 2026 Example News Agency", "copyright"),
    ("© 2026 Example Media Group", "copyright"),
    ("All rights reserved.", "copyright"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
    ("Reporting by Jane Doe in Baghdad; Editing by John Smith", "wire-credit"),
    ("(Writing by Jane Doe; Editing by John Smith)", "wire-credit"),
    ("Editing by John Smith", "wire-credit"),
    ("Associated Press writer Jane Doe in Baghdad contributed to this report.", "wire-credit"),
    ("Story continues below", "advertisement"),
    ("Watch: Turkish and Iraqi leaders sign the water deal", "watch-prompt"),
    ("Listen to this article", "listen-prompt"),
    ("We use cookies to give you the best experience on our website.", "cookie-notice"),
    ("Accept all cookies", "cookie-notice"),
    ("Loading…", "loading"),
    ("Loading...", "loading"),
    ("By Jane Doe, Associated Press", "byline"),
    ("Updated 3 hours ago", "timestamp"),
]


@pytest.mark.parametrize(("paragraph", "reason"), FURNITURE)
def test_furniture_is_removed_and_listed(paragraph: str, reason: str) -> None:
    cleaned = clean_text(f"{P1}\n\n{paragraph}\n\n{P2}", title="Water deal")
    assert cleaned.paragraphs == (P1, P2)
    assert cleaned.removed == (Removed(paragraph, reason),)


KEEP = [
    "WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee, ending a "
    "months-long standoff over the post.",
    "KYIV, Ukraine (Reuters) - Ukrainian forces shot down 23 of 30 drones launched by Russia "
    "overnight, the air force said on Sunday.",
    "The photo, taken by a local journalist and widely shared on social media, showed "
    "soldiers standing on the bridge.",
    "The ministry published a photo of the two leaders shaking hands in Beijing on Friday.",
    "Pictures of the damaged embassy were broadcast on state television.",
    "Shares in the state oil company fell 4% in Riyadh after the announcement.",
    "The statement was shared on the ministry's Telegram channel late on Sunday.",
    "Users who share the video on Facebook could face fines, the regulator warned.",
    "The foreign ministry declined to comment on the report.",
    "Comments by the minister drew a sharp rebuke from Beijing.",
    "An advertisement placed in the state newspaper on Monday called on citizens to report "
    "suspected smugglers.",
    "The advertising campaign, paid for by the opposition, accused the government of "
    "corruption.",
    "Getty Images said it had withdrawn the picture after questions were raised about "
    "whether it had been edited.",
    "Reuters could not independently verify the footage.",
    "A Reuters/Ipsos poll released on Tuesday showed the president's approval rating at 41%.",
    "The poll, conducted by NBC/AP in October, found most voters opposed the plan.",
    "Leaders posed for a family photo before the summit opened in Kazan.",
    "Zelensky, who is pictured in the video wearing fatigues, urged allies to speed up "
    "deliveries of air defence systems.",
    "The minister, pictured here at a rally in 2019, has denied the allegations.",
    "Putin and Xi are pictured together on state television almost every week.",
    '"Our soldiers are pictured on every wall in this city," the mayor said.',
    "Iran has said it will not subscribe to any deal that limits its right to enrich uranium.",
    "Subscribers to the state broadcaster's streaming service lost access to the channel.",
    "The group's newsletter was banned in 2021.",
    "He urged supporters to sign up for the reserve army, saying the country faced a threat.",
    "Copyright disputes between the two companies have dragged on for years.",
    "Related talks in Doha are expected to resume next week, according to Qatari officials.",
    "Reporting by the state broadcaster suggested that the army had withdrawn from the town.",
    "Editing by the censors was extensive, the author said.",
    "More than 200 people were killed in the fighting, the United Nations said.",
    "By Tuesday, the army had withdrawn from the town.",
    "Follow-up talks are scheduled for March in Geneva.",
    "Watchdogs said the election was marred by irregularities.",
    "Websites must let users reject cookies as easily as they accept them, the court ruled.",
    "The broadcaster said its website had been loading slowly because of a cyberattack.",
    "Read the statement in full, the spokesman told reporters, and you will see we are right.",
    "Updated figures released in 2024 showed the death toll had risen.",
    "File-sharing sites were blocked across the country on Monday.",
    "Top officials from both countries will meet in Cairo next month.",
    "Sign-ups for the new voluntary military service rose sharply in October, the defence "
    "ministry said.",
]


@pytest.mark.parametrize("paragraph", KEEP)
def test_news_paragraphs_are_kept(paragraph: str) -> None:
    cleaned = clean_text(f"{P1}\n\n{paragraph}\n\n{P2}", title="Water deal")
    assert cleaned.removed == ()
    assert cleaned.paragraphs == (P1, paragraph, P2)


def test_long_paragraph_escapes_short_rules() -> None:
    long = "Subscribe " + " ".join(["word"] * 30) + "."
    assert clean_text(f"{P1}\n\n{long}", title="t").removed == ()


def test_rules_file_loads_and_every_rule_has_a_note_or_name() -> None:
    rules = FurnitureRules.load()
    assert len(rules.rules) >= 40
    assert all(r.scope in ("line", "short") and r.name for r in rules.rules)
    assert FurnitureRules.default() is FurnitureRules.default()


def test_custom_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text("# my rules\nname\tpattern\tscope\tnote\n"
                    "promo\t^Try our app\tshort\tapp promotion\n", encoding="utf-8")
    rules = FurnitureRules.load(path)
    kept = "Advertisement - scroll to continue reading."  # a default rule would remove it
    cleaned = clean_text(f"{P1}\n\nTry our app today\n\n{kept}", title="t", rules=rules)
    assert cleaned.paragraphs == (P1, kept)
    assert cleaned.removed == (Removed("Try our app today", "promo"),)
    assert rules.rules[0].source == f"{path}:3"


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("broken\t(unclosed\tline\t", "bad pattern"),
        ("odd\t^x\teverywhere\t", "scope"),
        ("\t^x\tline\t", "name and a pattern"),
    ],
)
def test_bad_rules_name_file_and_line(tmp_path: Path, row: str, fragment: str) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text(f"name\tpattern\tscope\tnote\nok\t^fine$\tline\t\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        FurnitureRules.load(path)
    message = str(info.value)
    assert str(path) in message and "line 3" in message and fragment in message


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        FurnitureRules.load(tmp_path / "absent.tsv")


@settings(max_examples=150)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"],
                                      blacklist_characters="\u00ad\u200b\u2060\ufeff"),
               max_size=400))
def test_cleaning_loses_no_characters(text: str) -> None:
    cleaned = clean_text(text)
    pieces = [cleaned.title or "", *cleaned.paragraphs, *(r.text for r in cleaned.removed)]

    def chars(s: str) -> Counter[str]:
        return Counter("".join(clean.normalise(s).split()))

    assert chars("".join(pieces)) == chars(text)
    assert all(p and p == p.strip() and "\n" not in p for p in cleaned.paragraphs)


# --- articles and HTML ----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Turkey and Iraq sign water-sharing deal | Riverside Post</title>
  <meta property="og:title" content="Turkey and Iraq sign water-sharing deal">
  <meta property="article:published_time" content="2026-10-06T09:15:00+03:00">
  <script>var ads = [1, 2, 3]; function load() { return ads; }</script>
  <style>.ad { display: block; }</style>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/mideast">Middle East</a>
    <a href="/subscribe">Subscribe</a></nav></header>
  <div class="ad-slot"><p>Advertisement</p><p>Fly to Erbil from $149 with Example Air</p></div>
  <main>
    <article>
      <h1>Turkey and Iraq sign water-sharing deal</h1>
      <figure><img src="/img/dam.jpg" alt="dam">
        <figcaption>The Ilisu dam on the Tigris river is pictured in southeastern Turkey.
        (Riverside Post/File)</figcaption></figure>
      <p>ANKARA, Turkey &mdash; Turkey and Iraq signed an agreement on Monday to jointly manage
      water from the Tigris and Euphrates rivers, ending months of tense negotiations between the
      two neighbours over falling river levels.</p>
      <p>&ldquo;This is a historic day for both our peoples,&rdquo; the Iraqi prime minister said at
      a news conference in Ankara. &ldquo;Water must unite us, not divide us.&rdquo;</p>
      <div class="ad-inline"><p>ADVERTISEMENT</p></div>
      <p>Under the deal, Turkey will guarantee a minimum flow downstream during the summer months,
      while Iraq will invest in modernising its irrigation networks with Turkish help.</p>
      <p>Iraqi officials have long accused Turkey of reducing the flow of both rivers through a
      series of dams built since the 1970s. Ankara says the dams regulate the flow and prevent
      floods, and has urged Baghdad to cut the water lost to outdated irrigation.</p>
      <p>The agreement will be reviewed every two years by a joint technical committee, the two
      governments said in a statement.</p>
    </article>
    <section id="comments">
      <h2>Comments</h2>
      <div class="comment"><p>river_fan: About time! Hope it lasts longer than the last.</p></div>
      <div class="comment"><p>basra_reader: Farmers here have been waiting for years.</p></div>
      <p>Leave a comment</p>
    </section>
  </main>
  <footer><p>Follow us on Facebook</p><p>&copy; 2026 Riverside Post. All rights reserved.</p>
  </footer>
</body>
</html>
"""


def test_html_article_via_trafilatura() -> None:
    cleaned = clean_article(Article(id="water", html=PAGE))
    assert cleaned.title == "Turkey and Iraq sign water-sharing deal"
    assert cleaned.published == "2026-10-06"
    assert cleaned.dateline == "ANKARA, Turkey"
    assert cleaned.paragraphs[0].startswith("Turkey and Iraq signed")
    assert cleaned.paragraphs[-1].startswith("The agreement will be reviewed")
    assert len(cleaned.paragraphs) == 5
    body = cleaned.body
    for furniture in ("Home", "Fly to Erbil", "ADVERTISEMENT", "Ilisu dam", "river_fan",
                      "basra_reader", "Leave a comment", "Follow us", "rights reserved", "var ads"):
        assert furniture not in body


def test_html_title_from_article_wins() -> None:
    cleaned = clean_article(Article(id="w", html=PAGE, title="Water deal"))
    assert cleaned.title == "Water deal"


def test_fallback_tag_stripper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_text, "_trafilatura", lambda html: None)
    text, title, date = html_to_text(PAGE)
    assert title == "Turkey and Iraq sign water-sharing deal" and date == "2026-10-06"
    for furniture in ("Home", "Fly to Erbil", "Ilisu dam", "river_fan", "Follow us", "var ads"):
        assert furniture not in text
    cleaned = clean_article(Article(id="w", html=PAGE))
    assert len(cleaned.paragraphs) == 5
    assert cleaned.paragraphs[1].startswith("“This is a historic day")
    assert "ADVERTISEMENT" not in cleaned.body and "Comments" not in cleaned.body


def test_fallback_when_trafilatura_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import fail
    text, title, date = html_to_text(PAGE)
    assert text.startswith("Turkey and Iraq sign water-sharing deal\n\nANKARA, Turkey")
    assert (title, date) == ("Turkey and Iraq sign water-sharing deal", "2026-10-06")


def test_fallback_is_used_when_trafilatura_finds_nothing() -> None:
    assert html_text._trafilatura("Iran and Oman signed a maritime accord.") is None
    assert html_to_text("Iran and Oman signed a maritime accord.") == (
        "Iran and Oman signed a maritime accord.", None, None
    )
    assert strip_tags("Plain words, no tags")[0] == "Plain words, no tags"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<",
        "<<<>>>",
        "<html><p>Unclosed paragraph <b>bold <i>mixed</p></span></div>",
        "<p>" * 3000,
        "<div class='comments'><p>Never closed comment section",
        "<html><head><title>Never closed head<body><p>Text after an open head.</p>",
        "<![if !supportLists]><p>Word export</p><![endif]>",
        "<script>unterminated script",
        "<p>Broken entity &#xZZ; and &nbsp&amp stuff</p>",
        "\x00\x01<p>\ud800</p>".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "<?xml version='1.0'?><!DOCTYPE foo><foo><bar>xml, not html</bar></foo>",
    ],
)
def test_malformed_html_does_not_crash(html: str) -> None:
    text, title, date = html_to_text(html)
    assert isinstance(text, str)
    assert title is None or isinstance(title, str)
    assert date is None or isinstance(date, str)
    assert isinstance(clean_article(Article(id="m", html=html)), Cleaned)


def test_text_wins_over_html_and_empty_article() -> None:
    article = Article(id="both", text=f"Water deal\n\n{P1}\n\n{P2}", html=PAGE)
    cleaned = clean_article(article)
    assert cleaned.paragraphs == (P1, P2) and cleaned.published is None
    empty = clean_article(Article(id="none"))
    assert empty == Cleaned(None, None, (), ()) and empty.body == ""


# --- the examples -----------------------------------------------------------------------------


def test_sample_article() -> None:
    text = (EXAMPLES / "sample-article.txt").read_text(encoding="utf-8")
    cleaned = clean_article(Article(id="sample", text=text))
    assert cleaned.title == (
        "Kenya and Ethiopia agree to reopen Moyale border crossing after security talks"
    )
    assert len(cleaned.paragraphs) == 8
    assert cleaned.dateline == "NAIROBI, Kenya"
    assert cleaned.paragraphs[0].startswith("Kenya and Ethiopia agreed")
    assert removed_reasons(cleaned) == [
        "skip-link", "byline", "file-photo", "photo-credit", "advertisement", "read-more",
        "wire-credit", "share-prompt", "comment-prompt", "copyright",
    ]


def test_sample_page() -> None:
    html = (EXAMPLES / "sample-page.html").read_text(encoding="utf-8")
    cleaned = clean_article(Article(id="page", html=html))
    assert cleaned.title == (
        "Vietnam and Philippines sign coast guard pact amid South China Sea tensions"
    )
    assert cleaned.published == "2026-11-19"
    assert len(cleaned.paragraphs) == 8
    assert not any("seawatcher88" in p or "cookies" in p for p in cleaned.paragraphs)


@pytest.mark.parametrize("text,place,rest", [
    ("KYIV, Ukraine (AP) — Ukrainian forces said.", "KYIV, Ukraine", "Ukrainian forces said."),
    ("WASHINGTON (Reuters) - The U.S. said.", "WASHINGTON", "The U.S. said."),
    ("BEIJING, Jan. 5 (Xinhua) -- China said.", "BEIJING", "China said."),
    ("NUR-SULTAN, April 8. /TASS/. Kazakhstan said.", "NUR-SULTAN", "Kazakhstan said."),
    ("SAN JOSE, Costa Rica — Officials said.", "SAN JOSE, Costa Rica", "Officials said."),
])
def test_dateline_is_taken_off_the_first_paragraph(text, place, rest):
    cleaned = clean_text(text)
    assert cleaned.dateline == place
    assert cleaned.paragraphs[0] == rest


@pytest.mark.parametrize("text", [
    "NATO — the alliance — said on Monday it would respond.",
    "Ukraine said on Monday: we will respond.",
    "US officials - speaking anonymously - said.",
])
def test_no_dateline_in_ordinary_openings(text):
    assert clean_text(text).dateline is None


# --- page debris in general: by its words (furniture.tsv) and by its shape (debris.py) -----


def around(*lines: str) -> str:
    """Lines set between two body paragraphs, one paragraph each."""
    return "\n\n".join([P1, *lines, P3])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Who we are", "fragment"),
        ("Middle East", "fragment"),
        ("Tags: Iraq, Turkey, water", "fragment"),
        ("Agencies.", "label"),
        ("* * *", "separator"),
        ("———", "separator"),
        ("Updated 2 hours ago", "timestamp"),
        ("10:42 GMT", "timestamp"),
        ("Thu 14 Nov 2024 | 12:30 CET", "timestamp"),
        ("25.03.2024", "timestamp"),
        ("The prime minister gestures as she speaks to reporters in Oslo on Friday.", "caption-shape"),
        ("Delegates arrive for the summit in Nairobi, Kenya, May 5, 2024.", "caption-shape"),
        ("Get our breaking news alerts", "alert-promo"),
        ("Thanks for signing up!", "alert-promo"),
        ("Listen on Spotify", "podcast-promo"),
        ("Download the Harbour Daily app", "app-promo"),
        ("Page not found", "error-page"),
        ("Sorry, this video could not be loaded.", "error-page"),
        ("JavaScript is disabled in your browser.", "browser-notice"),
        ("We value your privacy", "cookie-notice"),
        ("Accept all", "cookie-notice"),
        ("Soldiers clear rubble in Kharkiv, March 3, 2025. REUTERS/Jane Doe", "photo-credit"),
        ("1 of 8", "counter"),
        ("1.2k shares", "counter"),
        ("Written by: Li Wei", "byline"),
        ("By Dana Rowe | Foreign desk", "byline"),
        ("Source: Harbour Daily", "source-line"),
        ("Associated Press writer Jane Doe in Paris contributed.", "wire-credit"),
        ("Jane Doe covers diplomacy. Reach her at jdoe@example.com.", "contact-line"),
        ("Your support helps us report from the front line", "donation"),
        ("The views expressed are the author's own.", "disclaimer"),
    ],
)
def test_page_debris_is_removed_with_its_reason(line: str, reason: str) -> None:
    cleaned = clean_text(around(line), title="t")
    assert cleaned.paragraphs == (P1, P3)
    assert cleaned.removed == (Removed(line, reason),)


@pytest.mark.parametrize(
    "line",
    [
        "Nobody was hurt.",
        '"We will not back down."',
        "Why does this matter?",
        "Soldiers patrol the streets at night, residents said.",
        "The delegation arrives in Beijing on Monday for three days of talks.",
        "Ministers are expected to attend the meeting in Vienna on March 3, 2025.",
        "Protesters gather outside the embassy every Friday.",
        "The article has been removed from the newspaper's website, the group said.",
        "Something went wrong during the launch, the space agency said.",
        "We and our partners will share intelligence data with Kyiv, the minister said.",
        "More than 3,000 volunteers signed up to monitor the vote.",
        "Support for the deal stands at 52 percent, according to a survey by the AP/NORC Center.",
        "Reporters from 12 countries contributed to the investigation, which took two years.",
        "Donations to the campaign rose sharply after the vote.",
    ],
)
def test_body_sentences_survive_the_debris_rules(line: str) -> None:
    cleaned = clean_text(around(line), title="t")
    assert cleaned.paragraphs == (P1, line, P3)


def test_teasers_after_a_related_heading_go_but_a_body_sentence_stays() -> None:
    text = around(
        "Related stories",
        "Ghana's parliament passes the budget",
        "What is the Wagner Group?",
        "Nobody was hurt.",
    )
    cleaned = clean_text(text, title="t")
    assert cleaned.paragraphs == (P1, "Nobody was hurt.", P3)
    assert [r.reason for r in cleaned.removed] == ["related-links", "teaser", "teaser"]


def test_a_note_after_an_about_the_author_heading_goes() -> None:
    cleaned = clean_text(around("About the author", "Jane Doe is a fellow at a think tank."))
    assert [r.reason for r in cleaned.removed] == ["author-bio", "author-bio-note"]


def test_a_repeated_paragraph_goes_once_kept() -> None:
    cleaned = clean_text(around(P2, P2), title="t")
    assert cleaned.paragraphs == (P1, P2, P3)
    assert cleaned.removed == (Removed(P2, "repeated"),)


def test_a_line_wrapped_before_a_capital_is_not_a_fragment() -> None:
    text = f"{P1}\n\nThe deal was signed by the\nTurkish and Iraqi ministers on Monday.\n\n{P3}"
    cleaned = clean_text(text, title="t")
    assert "The deal was signed by the" in cleaned.paragraphs
    assert not cleaned.removed


def test_a_line_ending_like_a_wrapped_one_is_kept_only_when_long_and_followed() -> None:
    assert clean_text(around("Who we are"), title="t").paragraphs == (P1, P3)
    assert clean_text(f"{P1}\nWho we are\n{P3}", title="t").paragraphs == (P1, P3)
    wrapped = "The ministers said the new accord is"
    kept = clean_text(f"{P1}\n{wrapped}\nIraq's best hope for water.", title="t")
    assert wrapped in kept.paragraphs
    assert wrapped not in clean_text(around(wrapped), title="t").paragraphs


def test_short_lines_stay_when_the_page_has_no_running_text() -> None:
    assert clean_text("Russia attacks Ukraine").paragraphs == ("Russia attacks Ukraine",)
    assert clean_text("World\n\nRussia attacks Ukraine").paragraphs == ("Russia attacks Ukraine",)


def test_the_title_comes_before_a_standfirst_and_after_a_site_name() -> None:
    text = "\n\n".join([
        "Harbour Ministry of Water Resources",
        "Menu | Home | News | Contact",
        "Iraq and Turkey sign deal on shared rivers",
        "Ankara promises a minimum summer flow as Baghdad pledges to modernise irrigation",
        P1,
        P3,
    ])
    cleaned = clean_text(text)
    assert cleaned.title == "Iraq and Turkey sign deal on shared rivers"
    assert cleaned.paragraphs == (P1, P3)
    assert [r.reason for r in cleaned.removed] == ["fragment"] * 3


def test_the_title_is_the_longest_headline_among_the_lead_lines() -> None:
    text = "\n\n".join(["Home", "World", "Key events only", "Iraq and Turkey sign water deal",
                       "KEY FACTS AND FIGURES HERE", P1, P3])
    cleaned = clean_text(text)
    assert cleaned.title == "Iraq and Turkey sign water deal"
    assert cleaned.paragraphs == (P1, P3)


def test_a_dateline_alone_on_its_line_opens_the_first_paragraph() -> None:
    cleaned = clean_text(f"Water deal signed in Ankara\n\nANKARA, Turkey —\n\n{P1}\n\n{P3}")
    assert cleaned.dateline == "ANKARA, Turkey"
    assert cleaned.paragraphs == (P1, P3)


def test_word_lists_are_checked(tmp_path: Path) -> None:
    from eventcoder.debris import Vocabulary

    bad = tmp_path / "words.tsv"
    bad.write_text("word\tkind\tnote\nfoo\tcolour\tno such kind\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="kind must be one of"):
        Vocabulary.load(bad)
    assert Vocabulary.default().has("month", "Sept")


def test_a_caption_repeated_without_its_credit_goes_too() -> None:
    caption = "Iraqi farmers inspect a dry canal near Basra."
    text = around(caption, f"{caption} Photograph: Jane Doe/Harbour Daily")
    cleaned = clean_text(text, title="t")
    assert cleaned.paragraphs == (P1, P3)
    assert [r.reason for r in cleaned.removed] == ["caption-copy", "photo-credit"]


def test_items_of_a_list_the_body_introduces_stay_other_lists_go() -> None:
    intro = "Under the deal, the two countries agreed to the following steps:"
    item = "• Turkey to release more water in the summer"
    numbered = "2. Iraq to modernise its irrigation networks"
    cleaned = clean_text(around(intro, item, numbered, "• Home", "• World news"), title="t")
    assert cleaned.paragraphs == (P1, intro, item, numbered, P3)
    assert [r.reason for r in cleaned.removed] == ["fragment", "fragment"]
    teasers = around("MOST READ", "1. Dollar falls against the euro", "2. Rains end drought")
    assert clean_text(teasers, title="t").paragraphs == (P1, P3)


def test_a_header_of_capitalised_lines_is_not_taken_for_wrapped_text() -> None:
    header = ("HARBOUR DAILY | Independent news from the Gulf and the region\n"
              "World | Gulf | Business | Opinion | Video | Podcasts | Donate\n"
              "Turkey and Iraq Sign Long-Awaited Water Deal After Years of Talks\n"
              "By Jane Doe | 6 October 2026")
    cleaned = clean_text(f"{header}\n\n{P1}\n\n{P3}")
    assert cleaned.title == "Turkey and Iraq Sign Long-Awaited Water Deal After Years of Talks"
    assert cleaned.paragraphs == (P1, P3)


def test_a_live_coverage_link_is_not_the_headline() -> None:
    text = ("LIVE: follow our coverage of the water talks\n\n"
            "Turkey and Iraq sign water deal as thousands rally for river protection in Basra"
            f"\n\n{P1}\n\n{P3}")
    cleaned = clean_text(text)
    assert cleaned.title and cleaned.title.startswith("Turkey and Iraq sign")
    assert cleaned.removed[0].reason == "live-promo"
