"""A LaTeX CV as the text reader's line stream (Markdown-like, source lines kept).

``\\section{Publications}`` -> ``# Publications``; ``\\item`` and entry labels
(``C5.``, ``[J2]``) start an entry (``- ``); ``\\textbf`` -> ``**bold**``,
``\\underline`` -> ``<u>..</u>``, ``\\emph``/``\\textit`` -> ``*italic*``,
``\\href{u}{t}`` -> ``[t](u)``; ``\\\\`` ends a line; comments, preamble,
superscript marks and layout commands are dropped; other commands keep their text.

>>> tex = "\\\\section*{PUBLICATIONS}\\nC5. \\\\textbf{Fast Things} \\\\\\\\[1pt]\\n"
>>> tex += "\\\\underline{Ann Lee}, Bo Chen\\\\textsuperscript{*}."
>>> [t for _, t in latex_lines(tex)]
['# PUBLICATIONS', '- **Fast Things**', '<u>Ann Lee</u>, Bo Chen.']
"""

from __future__ import annotations

import functools
import re

_ACCENTS = {"\\.I": "İ", "\\.i": "i", "\\'e": "é", '\\"o': "ö", '\\"u': "ü", '\\"a': "ä"}
_WRAP = {
    "textbf": ("**", "**"),
    "bf": ("**", "**"),
    "underline": ("<u>", "</u>"),
    "uline": ("<u>", "</u>"),
    "emph": ("*", "*"),
    "textit": ("*", "*"),
    "it": ("*", "*"),
}
_DROP_ARG = frozenset(
    [
        "textsuperscript",
        "vspace",
        "addtolength",
        "hspace",
        "label",
        "ref",
        "cite",
        "usepackage",
        "documentclass",
        "geometry",
        "setlength",
        "includegraphics",
        "footnote",
        "begin",
        "end",
        "newcommand",
        "renewcommand",
        "titleformat",
        "titlespacing",
        "definecolor",
        "fontsize",
        "pagestyle",
        "thispagestyle",
        "rule",  # a line drawn across the page: its width and height are no text
    ]
)
# \section -> "#", \subsection -> "##": a sub-heading stays inside its section
_SECTION = re.compile(r"\\((?:sub)*)section\*?\s*\{((?:[^{}]|\{[^{}]*\})*)\}")  # {\Large{X}}
# a font switched on at the start of a group ("{\it Title}", "{\bf Name}"): the group
# is set so, as the command form ("\textit{Title}") sets its argument
_SWITCHES = {"it": "textit", "em": "emph", "sl": "textit", "itshape": "textit"}
_SWITCHES |= {"bf": "textbf", "bfseries": "textbf"}
_SWITCH = re.compile(r"\{\\(" + "|".join(_SWITCHES) + r")(?![A-Za-z])\s*")
_LABEL = re.compile(r"^\s*(?:\[[A-Z]{1,2}\d{1,3}\]|[A-Z]{1,2}\d{1,3}\.)\s+")
_COMMENT = re.compile(r"(?<!\\)%.*$")
# a CV class's owner in the preamble (moderncv, awesome-cv, yaac): \name{First}{Last}
_NAME = re.compile(r"^[ \t]*\\name\s*\{([^{}\n]{1,40})\}\s*\{([^{}\n]{1,40})\}", re.MULTILINE)


def _arg(text: str, at: int) -> tuple[str, int] | None:
    """The brace group starting at ``text[at]`` (spaces and a line break skipped) and
    the index after it."""
    while at < len(text) and text[at] in " \t\n":
        at += 1
    if at >= len(text) or text[at] != "{" or (end := _closings(text).get(at)) is None:
        return None
    return text[at + 1 : end], end + 1


@functools.lru_cache(maxsize=2)
def _closings(text: str) -> dict[int, int]:
    """Where each brace group of ``text`` closes, found in one pass: reading every group
    of a text stays linear (an unclosed ``{`` is not searched again to its end)."""
    out: dict[int, int] = {}
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "{" and (i == 0 or text[i - 1] != "\\"):
            opened.append(i)
        elif c == "}" and i > 0 and text[i - 1] != "\\" and opened:
            out[opened.pop()] = i
    return out


_BIG_NAME = re.compile(  # a short run of words in the largest sizes, nothing else in it
    r"\\(?:Huge|huge|LARGE|Large)\b\s*(?:\\(?:scshape|bfseries|textbf|textsc)\b\s*\{?\s*)*"
    r"([A-Z][^{}\\&$%\n]{2,50}?)\s*\}"
)
_NEXT_ARG = re.compile(r"[ \t]*\{(?=[^}])")  # a macro's next argument, not an empty one


def _inline(text: str) -> str:
    """Commands in one logical line turned into Markdown cues or their text."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            if c == "}" and (m := _NEXT_ARG.match(text, i + 1)):  # "{2023}{Title}": parted
                out.append(" — ")
                i = m.end()
                continue
            out.append("" if c in "{}~" and c != "~" else (" " if c == "~" else c))
            i += 1
            continue
        m = re.match(r"\\([A-Za-z]+)\*?|\\(.)", text[i:])
        if not m:
            i += 1
            continue
        name, sym = m.group(1), m.group(2)
        i += m.end()
        if sym is not None:
            spaced = {"&": "&", "%": "%", "_": "_", "$": "$", "#": "#", ",": " ", " ": " "}
            out.append(spaced.get(sym, ""))  # "\ " (after "Dr.") is a space
            continue
        if name == "href" and (url := _arg(text, i)) and (label := _arg(text, url[1])):
            out.append(f"[{_inline(label[0])}]({url[0]})")
            i = label[1]
        elif name in _WRAP and (arg := _arg(text, i)):
            left, right = _WRAP[name]
            out.append(f"{left}{_inline(arg[0]).strip()}{right}")
            i = arg[1]
        elif name in _DROP_ARG:
            while (arg := _arg(text, i)) is not None:
                i = arg[1]
            if text[i : i + 1] == "[" and (end := text.find("]", i)) > 0:
                i = end + 1
        elif name in ("textcolor", "color", "colorbox", "raisebox") and (arg := _arg(text, i)):
            i = arg[1]  # the colour; its text follows as a group
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


_ITEM = re.compile(r"\\item\b(?:\[[^\]]*\])?")


def _depth(row: str, at: int) -> int:
    """How many brace groups are open at ``row[at]``: an ``\\item`` inside one is a
    line of a CV entry macro's description (``\\cventry{…}{…}{\\begin{cvitems}\\item …}``),
    not an entry of its own. (``\\\\}`` is a line break, then a closing brace.)"""
    bare = row[:at].replace("\\\\", "  ")
    return len(re.findall(r"(?<!\\)\{", bare)) - len(re.findall(r"(?<!\\)\}", bare))


def _logical_rows(rows: list[str], begin: int) -> list[tuple[int, str]]:
    """Body rows, comments cut, a row joined with the next while a brace group is open."""
    out: list[tuple[int, str]] = []
    depth = 0
    for no, row in enumerate(rows, 1):
        if no <= begin + 1:
            continue
        row = _COMMENT.sub("", row)
        if "\\end{document}" in row:
            break
        if depth > 0 and out:
            out[-1] = (out[-1][0], f"{out[-1][1]} {row}")
        else:
            out.append((no, row))
        depth = max(0, depth + _depth(row, len(row)))
    return out


_DEFINE = re.compile(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))"
    r"\s*(?:\[(\d)\])?\s*(?=\{)"
)
_PARAMETER = re.compile(r"(?<=([A-Za-z]))?#([1-9])")  # #3, and the letter before it


def _argument(args: list[str], m: re.Match[str]) -> str:
    """What a body's ``#k`` becomes (nothing when it names more than it takes)."""
    k = int(m.group(2))
    return (" " if m.group(1) else "") + (args[k - 1] if k <= len(args) else "")


_GROWTH = 4  # expanded macros may make the body at most this many times longer


def macros(text: str) -> dict[str, tuple[int, str]]:
    """The commands a document defines (``\\newcommand{\\venue}[1]{…#1…}``): name ->
    (number of arguments, body, its line breaks made spaces)."""
    out = {}
    for m in _DEFINE.finditer(text):
        if (body := _arg(text, m.end())) is not None:
            out[m.group(1) or m.group(2)] = (int(m.group(3) or 0), body[0].replace("\n", " "))
    return out


def expand(text: str, defined: dict[str, tuple[int, str]], passes: int = 3) -> str:
    """``text`` with the ``defined`` commands replaced by their bodies, arguments put in
    (a few passes, for macros that use macros); an invocation over several lines keeps
    its line breaks after it, so every line keeps its number. Stops growing past
    ``_GROWTH`` times the text (a macro bomb)."""
    if not defined:
        return text
    call = re.compile(r"\\(" + "|".join(map(re.escape, defined)) + r")(?![A-Za-z])")
    limit = _GROWTH * len(text) + 10_000
    for _ in range(passes):
        out, at, changed = [], 0, False
        for m in call.finditer(text):
            if m.start() < at:
                continue
            nargs, body = defined[m.group(1)]
            end, args = m.end(), []
            for _k in range(nargs):
                if (arg := _arg(text, end)) is None:
                    break
                args.append(arg[0].replace("\n", " "))
                end = arg[1]
            if len(args) < nargs:
                continue
            # "\\small#3": the argument must not run into the command's name
            body = _PARAMETER.sub(functools.partial(_argument, args), body)
            out += [text[at : m.start()], body, "\n" * text.count("\n", m.start(), end)]
            at, changed = end, True
        out.append(text[at:])
        expanded = "".join(out)
        if not changed or len(expanded) > limit:
            break
        text = expanded
    return text


def latex_lines(text: str) -> list[tuple[int, str]]:
    """(1-based source line, Markdown-like text) for each line a reader sees, the
    document's own commands expanded (see ``expand``)."""
    for accent, letter in _ACCENTS.items():
        text = text.replace(accent, letter)
    start = text.find("\\begin{document}")
    if start > 0:
        text = text[:start] + expand(text[start:], macros(text[:start]))
    text = text.replace("``", "\u201c").replace("''", "\u201d")  # TeX's quotes: “ and ”
    text = _SWITCH.sub(lambda m: f"\\{_SWITCHES[m[1]]}{{", text)  # {\it X} as \textit{X}
    rows = text.split("\n")
    begin = next((i for i, r in enumerate(rows) if "\\begin{document}" in r), -1)
    out: list[tuple[int, str]] = []
    if begin > 0 and (named := _NAME.search("\n".join(rows[:begin]))):  # the CV's owner
        out.append((text.count("\n", 0, named.start()) + 1, f"# {named[1]} {named[2]}"))
    elif begin >= 0 and (big := _BIG_NAME.search(text, text.find("\\begin{document}"))):
        at = big.start()  # the name set large at the top (``{\Huge \scshape Jane Doe}``)
        if "\\section" not in text[text.find("\\begin{document}") : at]:
            out.append((text.count("\n", 0, at) + 1, f"# {' '.join(big[1].split())}"))
    for no, row in _logical_rows(rows, begin):
        row = re.sub(r"\\[A-Za-z]+\s*=\s*-?[\d.]+\s*[a-z]*", "", row)  # \hangindent=1.4em
        row = _SECTION.sub(lambda m: f"\n{'#' * (1 + len(m[1]) // 3)} {m[2]}\n", row)
        row = _ITEM.sub(lambda m: "\n" if _depth(m.string, m.start()) else "\n- ", row)
        for part in re.split(r"\\\\(?:\[[^\]]*\])?|\\newline\b|\\par\b|\n", row):
            bullet = "- " if _LABEL.match(part) else ""
            line = _inline(_LABEL.sub("", part) if bullet else part)
            if line.startswith("- ") or line.startswith("#"):
                bullet = ""
            if line.strip(" -") and re.search(r"\w", line):
                out.append((no, bullet + line))
    return out
