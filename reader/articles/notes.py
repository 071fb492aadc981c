"""What a listener should not hear: signatures, credits and photo captions.

A portal article carries lines that belong to the page, not to the story read aloud:
the reporter's or outlet's signature at the end ("Q.A", "HL", "(TTXVN)", "Minh Thư",
"Thu Hà - Đài TT huyện"), credits ("Tác giả: …", "Ảnh: …", "Tin, ảnh: …") and photo
captions ("Quang cảnh hội nghị. Ảnh: Q.A", "Đ/c Hùng (giữa) trao quà cho hộ nghèo").
They are kept as the article's notes (shown in small type, never spoken). The source
line ("Nguồn: …", "(Nguồn: …)", "Theo …") is part of what is read and stays in the body.

The rules are shapes, not one portal's words: initials are capitals and dots; a name
is a few capitalised words; a caption names its photo or the places of the people in it.
"""

from __future__ import annotations

import re
from typing import Collection

MAX_SIGNATURE_CHARS = 60
MAX_NAME_WORDS = 5
MAX_CAPTION_CHARS = 220
MAX_SCENE_CAPTION_CHARS = 120

_LETTERS = r"A-Za-zÀ-ỹĐđ"
#: "Q.A", "HL", "T.T.H", "TTXVN", "PV", "Q.Anh", "N.T.Hà".
_INITIALS = re.compile(rf"^(?:[A-ZĐ]{{1,6}}|(?:[A-ZĐ]\.\s?){{1,3}}[A-ZĐ]?[{_LETTERS}]{{0,10}}\.?)$")
#: An outlet or office named in a signature ("Báo Kiên Giang", "Đài TT huyện").
_OUTLET = re.compile(
    r"^(?:báo|đài|tạp chí|trung tâm|cổng|trang|phòng|ban|văn phòng|hội|ủy ban|uỷ ban|ubnd|ttxvn|vov|vtv)\b",
    re.IGNORECASE,
)
_SIG_SPLIT = re.compile(r"\s*(?:[-–—/,&;]|\bvà\b)\s*|\s*[()\[\]]\s*")

#: A credit line, anywhere in the article.
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:ảnh(?: minh (?:họa|hoạ)| tư liệu| tl)?|nguồn ảnh|tin(?: và|,)? ảnh|bài(?: và|,)? ảnh|"
    r"video|clip|đồ (?:họa|hoạ)|thiết kế|tác giả|người viết|btv|ctv|pv|phóng viên|nhóm (?:pv|phóng viên)|"
    r"biên tập|thực hiện|trình bày|ghi chép)\s*(?:[:：]|$|[)\]])",
    re.IGNORECASE,
)
#: A caption that ends with its photo credit: "Quang cảnh hội nghị. Ảnh: Q.A", "(Ảnh: HL)".
_CREDITED_CAPTION = re.compile(
    r"(?:[(\[]\s*ảnh(?: minh (?:họa|hoạ)| tư liệu)?\s*(?:[:：][^()\[\]]{0,60})?[)\]]|"
    r"(?:^|[.\s])[-–—]?\s*ảnh\s*[:：]\s*[^:]{1,50})\s*\.?$",
    re.IGNORECASE,
)
#: Where people stand in a photo: "(giữa)", "(thứ hai từ trái sang)", "(bìa phải)".
_PLACE_IN_PHOTO = re.compile(
    r"\((?:đứng |ngồi |bìa |người )?(?:giữa|trái|phải|bên (?:trái|phải)|"
    r"thứ \w+ (?:từ )?(?:trái|phải)(?: sang)?|hàng \w+.*?|ngoài cùng.*?|bìa (?:trái|phải))\)",
    re.IGNORECASE,
)
#: Captions that describe the scene of a photo.
_SCENE = re.compile(r"^(?:quang cảnh|toàn cảnh|một góc|các đại biểu (?:dự|tham dự|chụp ảnh))\b", re.IGNORECASE)
#: The source of the article, read aloud with it.
_SOURCE_LINE = re.compile(r"^[(\[]?\s*(?:nguồn|theo)\b", re.IGNORECASE)
#: An outlet's tag opening the first paragraph: "(TTXVN) - Sáng nay…", "(Chinhphu.vn) – …".
_LEADING_TAG = re.compile(r"^\(\s*(?P<tag>[A-ZĐ][\w.]{1,24}(?:\s[\w.]{1,15}){0,2})\s*\)\s*[-–—:]\s*(?=\S)")
#: A signature after the last sentence on the same line: "… năm 2024./. HL".
_TRAILING = re.compile(r"(?:[.!?…”\"]|\./\.)\s*(?P<sig>[-–—]?\s*[(\[]?[A-ZĐ][^.!?]{0,40}?\.?[)\]]?)\s*$")
_SENTENCE_END = re.compile(r"(?:[.!?…”\"]|\./\.)\s*$")


def _is_name(part: str) -> bool:
    words = part.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and all(w[0].isupper() and re.fullmatch(rf"[{_LETTERS}.]+", w) for w in words)
    )


def is_signature(line: str, names: bool = True) -> bool:
    """Initials, an outlet in brackets, or (with ``names``) a reporter's name, alone."""
    text = line.strip().strip("-–—").strip()
    if not text or len(text) > MAX_SIGNATURE_CHARS or any(c.isdigit() for c in text):
        return False
    if _SOURCE_LINE.match(text) or text.endswith((":", ",")):
        return False
    parts = [p for p in _SIG_SPLIT.split(text.rstrip(".")) if p]
    if not parts:
        return False
    initials = [bool(_INITIALS.match(p)) for p in parts]
    bracketed = text.startswith(("(", "[")) and text.rstrip(".").endswith((")", "]"))
    if all(initials):
        return True
    if bracketed and all(i or _is_name(p) or _OUTLET.match(p) for i, p in zip(initials, parts)):
        return True
    if not names:
        return False
    return all(i or _is_name(p) or (_OUTLET.match(p) and len(p) <= 40) for i, p in zip(initials, parts)) and any(
        _is_name(p) for p in parts
    )


def is_credit(line: str) -> bool:
    """"Tác giả: …", "Ảnh: …", "Tin, ảnh: …", "(Ảnh minh họa)"."""
    return bool(_CREDIT.match(line))


def is_caption(line: str) -> bool:
    """A photo caption: credited, placing people in the photo, or naming the scene."""
    if _SOURCE_LINE.match(line) or len(line) > MAX_CAPTION_CHARS:
        return False
    if _CREDITED_CAPTION.search(line) or _PLACE_IN_PHOTO.search(line):
        return True
    return bool(_SCENE.match(line)) and len(line) <= MAX_SCENE_CAPTION_CHARS


def split_notes(lines: list[str], captions: Collection[str] = ()) -> tuple[list[str], list[str]]:
    """Body lines -> (what is read, the notes), both in document order.

    ``captions`` are texts the page marked as captions (HTML figure captions).
    """
    body: list[str] = []
    notes: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if line in captions or is_credit(line) or is_caption(line):
            notes.append((index, line))
        else:
            body.append(line)
    tail: list[str] = []
    while body:
        last = body[-1]
        ended = len(body) > 1 and bool(_SENTENCE_END.search(body[-2]) or _SOURCE_LINE.match(body[-2]))
        if is_signature(last, names=False) or (ended and is_signature(last)):
            tail.insert(0, body.pop())
            continue
        break
    if body and (match := _TRAILING.search(body[-1])) and is_signature(match.group("sig"), names=False):
        tail.insert(0, match.group("sig").strip().strip("-–—").strip())
        body[-1] = body[-1][: match.start("sig")].rstrip()
    lead: list[str] = []
    if body and (match := _LEADING_TAG.match(body[0])):
        lead.append(f"({match.group('tag')})")
        body[0] = body[0][match.end():]
    return body, lead + [n for _, n in notes] + tail
