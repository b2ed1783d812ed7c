"""CVs and web pages as text (Markdown, plain text, text scraped from HTML or PDF).

No fixed layout is assumed. ``layout`` cuts the document into sections by their
headings (English or Chinese: *Education*, *教育背景*, *Publications*, *论文发表* …,
listed in ``headings.yaml``) and publication lists into entries; this module reads
each entry for what it can hold. Sentences anywhere are read for advisors
(``advised by``, ``导师：``, see ``advisors``), degrees (``Ph.D. in X at Y``), research
interests and news items that name a paper (``news``), so pages whose headings were
lost still give their facts. Whom the page is about is ``owner``'s question.
"""

from __future__ import annotations

import re

from scholargraph.ids import fold
from scholargraph.normalize import dates
from scholargraph.normalize.names import (
    compatible,
    has_cjk,
)
from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse import advisors, citemodel, layout, news
from scholargraph.parse.builder import Extraction, GraphBuilder
from scholargraph.parse.citations import (
    Citation,
    Mention,
    parse_authors,
    parse_citation,
    read_venue,
    work_of,
)
from scholargraph.parse.documents import Document
from scholargraph.parse.layout import Entry, Line, Section
from scholargraph.parse.markup import bold_spans, plain
from scholargraph.parse.owner import Owner, find_owner, romanized
from scholargraph.parse.positions import (
    DEGREE,
    Advisor,
    Position,
    degree_kind,
    degree_name,
    is_organization,
    merge_positions,
    sentences,
    study_field,
    titlecase,
)

FORMAT = "text"

_ROLE = re.compile(
    r"\b(?:intern|researcher|engineer|scientist|professor|lecturer|fellow|student|assistant|"
    r"postdoc|developer|thesis|director|manager|consultant|instructor|member)\b|"
    r"实习生|工程师|研究员|博士后|教授|讲师|助理",
    re.IGNORECASE,
)
_DEGREE_SENTENCE = re.compile(
    r"^(?P<degree>[^,]{2,40}?)\s+(?:in|of)\s+(?P<field>[^,]+?)\s+(?:at|from)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][^,.;]+)"
)
_ZH_ORG = r"[\u4e00-\u9fff]{2,20}?(?:大学|学院|研究院|研究所|科学院)"
_ZH_DEGREE_SENTENCE = re.compile(
    rf"(?P<degree>博士后|博士|硕士|本科|学士)(?:研究生)?(?:毕业|就读)于(?P<org>{_ZH_ORG})"
    rf"|在(?P<lab>{_ZH_ORG}).{{0,40}}?做(?P<postdoc>博士后)"
)
_INTEREST = re.compile(
    r"(?:research interests?|interests?) (?:include|includes|are|lie in|span|cover)\s*:?\s*"
    r"|(?:i am|i'm) (?:broadly )?interested in\s+|(?:研究兴趣|研究方向|研究领域|主要研究领域)"
    r"(?:主要)?(?:为|是|包括|[:：])\s*",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")  # linear
# a GitHub profile (github.com/ann, "GitHub: ann"), not one of its repositories
_GITHUB = re.compile(
    r"github(?:\.com/|\s*[:：]\s*)([A-Za-z0-9-]{2,39})(?![\w-]|/[\w.-])", re.IGNORECASE
)
_HOMEPAGE = re.compile(r"(?:homepage|website|web)\s*[:：]\s*(https?://\S+)", re.IGNORECASE)
# --- publications ------------------------------------------------------------


_WITH = re.compile(
    r"^[\s(（,]*(?:joint(?:ly)?\s+)?with\s+(?P<names>[^)）.]+(?:\.\s?[A-Z]\b[^)）.]*)*)",
    re.IGNORECASE,
)
_WITH_AFTER = re.compile(r"\s[(（](?:joint\s+)?with\s|,\s*joint(?:ly)?\s+with\s", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"[\"“](?P<title>[^\"“”]{10,300}?)[,.]?[\"”]")


def _owners_paper(entry: Entry, owner: str, *, plain_titles: bool = False) -> Citation | None:
    """A paper listed by its title alone in the owner's list, co-authors after it
    (``“Title” (with A and B)``, ``**Title**`` then ``with A``), as economists'
    CVs list working papers: the owner first, then the co-authors. ``plain_titles``:
    the entry's list names no authors at all (a mathematician's list of their own
    papers), so a first sentence with nothing set apart is a title too."""
    first = entry.lines[0]
    flat = _NUMBERED.sub("", plain(" ".join(ln.strip() for ln in entry.lines)))  # wrapped
    quoted = _QUOTED_TITLE.search(plain(first))
    paren = _WITH_AFTER.search(flat)  # "Title (joint with A and B), 2024"
    title = (bold_spans(first) or [quoted.group("title") if quoted else ""])[0].strip(" .,")
    title = title or (flat[: paren.start()].strip(" .,") if paren else "")
    end = _SENTENCE_END.search(flat) if plain_titles and not title else None
    if end and (year_in(flat[end.end() :]) or _STATUS.search(flat[end.end() :])):
        title = flat[: end.start() + (flat[end.start()] in "?!")]  # "Title. Submitted."
    if cut := _WITH_AFTER.search(title):  # "**Title (with A), 2024**": the names are after
        title = title[: cut.start()].strip(" .,")
    folded = fold(title)
    if (
        len(title.split()) < (2 if paren else 3)
        or title.startswith("(")
        or any(w in folded for w in layout.NOT_TITLES)
    ):
        return None
    after = flat[flat.find(title) + len(title) :].lstrip(' .,”"*')
    said = _WITH.match(after)
    parsed = parse_authors(said.group("names").strip(" .")) if said else None
    named = parsed[0] if parsed else None
    # what follows the names on the title's line: "), 2024: Journal of X, Vol. 3."
    rest = after[said.end() :] if said and said.string == after else ""
    venue, venue_full, _ = read_venue(_VENUE_LEAD.sub("", rest)) if rest else (None, None, None)
    return Citation(
        title=title,
        authors=[Mention(owner, marked=True), *(named or [])],
        authors_complete=said is None or named is not None,
        venue=venue if venue and not _NOT_PUBLISHED.match(venue) else None,
        venue_full=venue_full if venue and not _NOT_PUBLISHED.match(venue) else None,
        year=year_in(after),
        status=entry.status,
    )


def _alone_or_joint(entry: Entry, owner: Owner | None, *, plain_titles: bool) -> Citation | None:
    """The entry's citation, or the owner's paper it lists (see ``_owners_paper``)
    when no author list was read, or when co-authors are joined on (``(with A, B)``)."""
    c = entry.citation
    if owner is None:
        return c
    if c is None or not (c.authors or c.venue):
        return _owners_paper(entry, owner.written, plain_titles=plain_titles) or c
    if _WITH_AFTER.search(plain(entry.lines[0])):  # "Title (joint with A, B)"
        joint = _owners_paper(entry, owner.written)
        if joint and len(joint.authors) > 1:
            return joint
    return c


# a number or a year opening an entry: "7. ", "[7] ", "`2016` "
_NUMBERED = re.compile(r"^\s*(?:\[?\d{1,3}[.)\]]|[`(\[]?(?:19|20)\d\d[`)\]]?[.:]?)\s+")
_SENTENCE_END = re.compile(r"(?<=[\w)])[.?!]\s+")
# what follows a title in a list of the owner's own papers: where it stands or appeared
_STATUS = re.compile(
    r"\b(?:in\s+(?:preparation|progress|press)|submitted|under\s+review|to\s+appear|accepted|"
    r"forthcoming|preprint|arxiv)\b",
    re.IGNORECASE,
)
_VENUE_LEAD = re.compile(r"^[\s)）,.;:—–-]*(?:(?:19|20)\d\d[a-z]?)?[\s)）,.;:—–-]*")
_NOT_PUBLISHED = re.compile(r"(?:in\s+)?(?:preparation|progress|submitted|under\s+review)", re.I)


def _delatex(text: str) -> str:
    """Leftovers of LaTeX math in scraped titles and abstracts (``Agent$.$xpu``)."""
    text = re.sub(r"\$\\times\$", "×", text)
    text = re.sub(r"\$([^$]{0,3})\$", r"\1", text)
    return text.replace("$", "")


def _record_citation(entry: Entry) -> Citation | None:
    """A profile-page record: ``preprint2026arXiv`` then the title, then the abstract."""
    m = layout.RECORD_HEAD.match(plain(entry.lines[0]))
    if not m or len(entry.lines) < 2:
        return None
    status = m.group("status").lower()
    venue = m.group("venue").strip() or None
    short = normalize_venue(venue)[0] if venue else None
    abstract = " ".join(_delatex(plain(x)) for x in entry.lines[2:]) or None
    return Citation(
        title=_delatex(plain(entry.lines[1])),
        authors_complete=False,
        venue=short,
        year=int(m.group("year")),
        status=status if status in ("preprint", "accepted") else "published",
        abstract=abstract,
    )


# --- education and experience -------------------------------------------------


def _entries(lines: list[Line]) -> list[list[Line]]:
    """Cut an education or experience section into entries: a bold label, or a
    plain line after a run of bullets, or a second organisation line, starts one."""
    out: list[list[Line]] = []
    after_bullets = False
    for ln in lines:
        org_line = not ln.bullet and bool(is_organization(ln.text))
        has_org = any(not x.bullet and is_organization(x.text) for x in out[-1]) if out else False
        starts = ln.head or (not ln.bullet and after_bullets) or (org_line and has_org)
        if starts or not out:
            out.append([])
        out[-1].append(ln)
        after_bullets = ln.bullet and not ln.head
    return out


def _position(entry: list[Line], section: str) -> Position | None:
    """The owner's position an education or experience entry describes: the
    organisation (a name with University, Institute, 大学 …, a bold label, the
    left of ``Org | Group, Role``, or what a job title line names beside the
    title), degree and field or job title, and the dates."""
    heads = [ln for ln in entry if not ln.bullet or ln.head]
    span = next((r for ln in entry if (r := dates.date_range(ln.text))), None)
    if span is None and (
        point := next((p for ln in heads if (p := dates.date_point(ln.text))), None)
    ):
        span = (point, point)
    org = role = degree = fld = None
    org_line = entry[0].no
    for ln in heads:
        text = dates.strip_dates(ln.text)
        if "|" in text and org is None:
            left, _, right = text.partition("|")
            org, org_line = left.strip(), ln.no
            role = re.split(r"[,，]", right)[-1].strip() or None
            continue
        parts = [p.strip() for p in re.split(r"[,，—–]", text) if p.strip()]
        for p in parts:
            if org is None and (is_organization(p) or (ln.head and not _ROLE.search(p))):
                org, org_line = titlecase(p), ln.no
        if section == "education" and degree is None and (dm := DEGREE.search(text)):
            degree = degree_name(dm.group(0))
            fld = study_field(parts, dm.group(0)) or fld
        titles = [p for p in parts if _ROLE.search(p) and not is_organization(p)]
        if section == "experience" and role is None and titles:
            rest = [p for p in parts if p not in titles and not dates.date_point(p)]
            role = text if not rest else ", ".join(titles)
            if org is None and rest:
                org, org_line = titlecase(rest[0]), ln.no
    if org is None:
        return None
    if section == "education":
        role = "student"
    start, end = span if span else (None, None)
    return Position(org, org_line, role or "member", degree, fld, start, end)


# --- advisors ---------------------------------------------------------------


# --- interests and news --------------------------------------------------------


def _topics(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)|（[^）]*）", "", plain(text))
    text = re.split(r"(?<=[a-z]{2})\.\s|[。；;]", text)[0].strip(" .。")
    parts = [p.strip() for p in re.split(r",|、|，", text) if p.strip()]
    if len(parts) > 1:
        parts[-1:] = re.split(r"\s+and\s+|和|及", re.sub(r"^(?:and|or)\s+", "", parts[-1]))
    parts = [re.sub(r"^(?:and|or|as well as|e\.g\.)\s+", "", p).strip(" .") for p in parts]
    return [p for p in parts if 2 <= len(p) <= 60 and len(p.split()) <= 8]


def _interests(section: Section) -> list[tuple[str, int]]:
    """Topics of an interests section: the bold labels of its bullets when it has
    them (the prose around them introduces), else its sentences and short lines."""
    out: list[tuple[str, int]] = []
    labelled = any(ln.bullet and bold_spans(ln.raw) for ln in section.lines)
    for i, ln in enumerate(section.lines):
        spans = bold_spans(ln.raw)
        if spans and ln.bullet:
            out += [(t, ln.no) for t in _topics(spans[0])]
        elif labelled and i > 0:
            continue
        elif (m := _INTEREST.search(ln.text)) is not None:
            out += [(t, ln.no) for t in _topics(ln.text[m.end() :])]
        elif len(ln.text) <= 40 and not re.search(r"[.。]$", ln.text):
            out += [(t, ln.no) for t in _topics(ln.text)]
    return out


# --- the parser -----------------------------------------------------------------


def parse_text(doc: Document) -> Extraction:
    lines = layout.document_lines(doc)
    sections = layout.cited_sections(layout.table_sections(layout.sections(lines)))
    lists = [
        [e for e in layout.publication_entries(s) if len(plain(" ".join(e.lines)).split()) >= 4]
        for s in sections
        if s.kind == "publications"
    ]
    entries = [e for listed in lists for e in listed]
    unsure: list[tuple[int, citemodel.ParsedCitation]] = []
    for e in entries:
        if (record := _record_citation(e)) is not None:
            e.citation = record
            continue
        # where the rules find no title or no author list, the learned reader stands in
        # when confident; a reading it is unsure of is kept as a warning to review
        e.citation, low = citemodel.second_opinion(
            e.lines, parse_citation(e.lines, default_status=e.status), default_status=e.status
        )
        if low is not None:
            unsure.append((e.line, low))
    owner = find_owner(lines, entries)
    if doc.owner:
        said = next((ln.no for ln in lines if doc.owner in ln.text), lines[0].no if lines else 1)
        owner = Owner(doc.owner, said)
    for e in entries:  # read again knowing whose papers these are
        if (
            owner
            and e.citation
            and not any(compatible(a.name, owner.written) for a in e.citation.authors)
        ):
            again = parse_citation(e.lines, default_status=e.status, owner=owner.written)
            if again and any(compatible(a.name, owner.written) for a in again.authors):
                e.citation = again
    for listed in lists:  # a title alone: the owner's paper, "with" co-authors
        authorless = 3 * sum(bool(e.citation and e.citation.authors) for e in listed) < len(listed)
        for e in listed:
            e.citation = _alone_or_joint(e, owner, plain_titles=authorless)
    b = GraphBuilder(doc)
    for line, low in unsure:
        b.warn(line, citemodel.review_note(low))
    return _Reader(b, owner, sections, entries, lines).read()


class _Reader:
    def __init__(
        self,
        b: GraphBuilder,
        owner: Owner | None,
        sections: list[Section],
        entries: list[Entry],
        lines: list[Line],
    ) -> None:
        self.b, self.owner, self.sections, self.entries, self.lines = (
            b,
            owner,
            sections,
            entries,
            lines,
        )
        self.owner_id: str | None = None
        self.authors: list[str] = [
            a.name for e in entries if e.citation for a in e.citation.authors
        ]

    def read(self) -> Extraction:
        self._owner()
        self._publications()
        for section in self.sections:
            if section.kind in ("education", "experience"):
                self._positions(section)
            elif section.kind == "interests":
                self._add_interests(_interests(section))
        for section in self.sections:
            if section.kind not in ("education", "experience", "publications", "other"):
                self._loose(section)
            elif section.kind == "other":  # advisors stated under any heading
                self._advisors(section.lines, None, None)
        self._news()
        self._statements()
        return self.b.out

    def _owner(self) -> None:
        o, b = self.owner, self.b
        if o is None:
            b.warn(
                None,
                "owner's name not found (no name heading the page, no author set "
                "apart in the publications); facts about the owner are skipped",
            )
            return
        if o.inferred:
            b.warn(o.line, o.inferred)
        head = "\n".join(ln.raw for ln in self.lines[:40])
        email = m.group(0) if (m := _EMAIL.search(head)) else None
        homepage = (m.group(1) if (m := _HOMEPAGE.search(head)) else None) or (
            f"https://github.com/{m.group(1)}" if (m := _GITHUB.search(head)) else None
        )
        self.owner_id = b.person(
            o.written, o.line, native_name=o.native_name, email=email, homepage=homepage
        )

    def _author(self, mention: Mention, taken: bool) -> tuple[str, bool]:
        """The owner's name for the author who is the owner, else the name as written."""
        o = self.owner
        if o and not taken and (mention.marked or compatible(mention.name, o.written)):
            return o.written, True
        return mention.written, taken

    def _publications(self) -> None:
        for e in self.entries:
            c = e.citation
            if c is None:
                self.b.skip(
                    e.line, "publication entry: no title could be told from the authors and venue"
                )
                continue
            authors: list[str] = []
            taken = False
            for mention in c.authors:
                written, taken = self._author(mention, taken)
                authors.append(written)
            complete = c.authors_complete
            if not authors and self.owner:
                authors, complete = [self.owner.written], False
            self.b.publication(
                c.title, e.line, authors=authors, authors_complete=complete, **work_of(c)
            )

    def _advisor(self, adv: Advisor, organization: str | None) -> None:
        if self.owner_id is None:
            self.b.skip(adv.line, f"advisor {adv.written!r} of an unnamed owner")
            return
        spelled = romanized(adv.written, self.authors) if has_cjk(adv.written) else None
        self.b.advisor(adv, self.owner_id, organization=organization, written=spelled)

    def _advisors(self, lines: list[Line], kind: str | None, organization: str | None) -> None:
        """Advisor, mentor and student statements in these lines (``advisors.read``), at
        ``organization`` when given, else where their sentence says."""
        for st in advisors.read([(ln.no, ln.raw) for ln in lines], default_kind=kind):
            if self.owner_id is None or self.owner is None:
                for name in st.names:
                    self.b.skip(st.line, f"{st.owner_role_word} {name!r} of an unnamed owner")
                continue
            advisors.add_statement(
                self.b,
                st,
                self.owner_id,
                self.owner.written,
                organization=organization,
                advisor=self._advisor,
            )

    def _positions(self, section: Section) -> None:
        found: list[Position] = []
        for entry in _entries(section.lines):
            pos = _position(entry, section.kind)
            if pos:
                found.append(pos)
            default_kind = degree_kind(pos.degree or "") if pos else None
            self._advisors(entry, default_kind, pos.organization if pos else None)
        for pos in merge_positions(found):
            if self.owner_id is None:
                self.b.skip(pos.line, f"position at {pos.organization!r} of an unnamed owner")
                continue
            self.b.position(self.owner_id, pos)

    def _loose(self, section: Section) -> None:
        """Sentences outside the structured sections: degrees, advisors (at the
        organization their sentence names), interests."""
        for ln in section.lines:
            for sentence in sentences(ln.raw):
                self._sentence_position(plain(sentence).strip(), ln.no)
            if section.kind != "interests" and (m := _INTEREST.search(ln.text)):
                self._add_interests([(t, ln.no) for t in _topics(ln.text[m.end() :])])
        self._advisors(section.lines, None, None)

    def _sentence_position(self, sentence: str, line: int) -> str | None:
        """The owner's degree or postdoc a sentence states (``Ph.D. in X at Y``,
        ``博士毕业于Y``, ``在Y…做博士后``), added as an affiliation; its organization."""
        if m := _DEGREE_SENTENCE.match(sentence):
            if not DEGREE.fullmatch(m.group("degree").strip()):
                return None
            org, degree, field = m.group("org"), m.group("degree"), m.group("field")
        elif m := _ZH_DEGREE_SENTENCE.search(sentence):
            org, degree = m.group("org") or m.group("lab"), m.group("degree") or m.group("postdoc")
            field = None
        else:
            return None
        if self.owner_id:
            role = "postdoc" if degree_kind(degree) == "postdoc" else "student"
            self.b.affiliation(
                self.owner_id,
                org.strip(),
                line,
                role=role,
                degree=degree.strip() if role == "student" else None,
                field=field.strip() if field else None,
            )
        return org.strip()

    def _add_interests(self, topics: list[tuple[str, int]]) -> None:
        if self.owner_id is None:
            return
        for topic, line in topics:
            self.b.interest(self.owner_id, topic, line)

    def _statements(self) -> None:
        """Topics named anywhere in the document outside its publication list (a
        bio, CV bullets, project blurbs, news), as the owner's weaker interests."""
        if self.owner_id is None:
            return
        for section in self.sections:
            if section.kind != "publications":
                for ln in section.lines:
                    self.b.statement(self.owner_id, plain(ln.raw), ln.no)

    def _news(self) -> None:
        titles = [e.citation.title for e in self.entries if e.citation]
        loose = [ln for s in self.sections if s.kind != "publications" for ln in s.lines]
        named = [(p, True) for p in news.system_papers(loose, titles).values()]
        named += [(p, False) for p in news.titled_papers(loose, titles)]
        for paper, system_name in named:  # news naming a paper by its system or its title
            self.b.publication(
                paper.name,
                paper.line,
                authors=[self.owner.written] if self.owner else [],
                authors_complete=False,
                year=paper.year,
                status=paper.status,
                venue=paper.venue,
                title_is_system_name=system_name,
            )
