"""Loanwords and brand names as Vietnamese announcers say them (data/loanwords.tsv)."""

from __future__ import annotations

import pytest

from reader.config import Settings
from reader.speech import lexicon, loanwords, syllables
from reader.speech.normalize import normalize
from tests.speech.spoken import assert_spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Người dân có thể gửi phản ánh qua Zalo của UBND xã.', 'Người dân có thể gửi phản ánh qua Da lô của Ủy ban nhân dân xã.'),
        ('Theo dõi trang Facebook "Tuổi trẻ An Biên".', 'Theo dõi trang Phây búc Tuổi trẻ An Biên.'),
        ('Video được đăng tải trên YouTube.', 'Vi đê ô được đăng tải trên Diu túp.'),
        ('Nhiều tài khoản TikTok đăng tin sai sự thật.', 'Nhiều tài khoản Tích tốc đăng tin sai sự thật.'),
        ('tra cứu trên Google', 'tra cứu trên Gu gồ'),
        ('gói 4Zalo', 'gói bốn Da lô'),
        ('0show', 'không sô'),
        ('sHOW', 'sHOW'),
        ('Chuyển khoản qua Vietcombank hoặc Agribank.', 'Chuyển khoản qua Việt com banh hoặc A gờ ri banh.'),
        ('Ngân hàng Kienlongbank chi nhánh An Biên', 'Ngân hàng Kiên long banh chi nhánh An Biên'),
        ('khách hàng của VietinBank', 'khách hàng của Việt tin banh'),
        ('Ứng dụng VNeID đã được cài đặt.', 'Ứng dụng Vê en e ai đi đã được cài đặt.'),
        ('kết nối internet', 'kết nối in tơ nét'),
        ('Internet băng thông rộng', 'In tơ nét băng thông rộng'),
        ('học online', 'học on lai'),
        ('họp trực tuyến qua Zoom', 'họp trực tuyến qua Dum'),
        ('gửi email cho Ban tổ chức', 'gửi i meo cho Ban tổ chức'),
        ('E-mail: anbien@kiengiang.gov.vn', 'I meo: anbien a còng kiengiang chấm gốp chấm vê en'),
        ('truy cập website của huyện', 'truy cập oét sai của huyện'),
        ('sử dụng smartphone', 'sử dụng xờ mát phôn'),
        ('phủ sóng Wi-Fi miễn phí', 'phủ sóng Oai phai miễn phí'),
        ('Mạng wifi công cộng', 'Mạng oai phai công cộng'),
        ('thanh toán bằng MoMo, ZaloPay, VNPay', 'thanh toán bằng Mô mô, Da lô pây, Vê en pây'),
        ('thẻ Visa', 'thẻ Vi da'),
        ('livestream bán nông sản', 'lai xờ trim bán nông sản'),
        ('đặt hàng trên Shopee và Lazada', 'đặt hàng trên Sốp pi và La da đa'),
        ('gọi xe Grab', 'gọi xe Gờ ráp'),
        ('nhà mạng Viettel, Mobifone, Vinaphone', 'nhà mạng Vi ét ten, Mô bi phôn, Vi na phôn'),
        ('xe điện VinFast', 'xe điện Vin phát'),
        ('sữa Vinamilk', 'sữa Vi na min'),
        ('hãng Vietnam Airlines', 'hãng Việt Nam e lai'),
        ('chuyến bay của Vietjet', 'chuyến bay của Việt giét'),
        ('điện thoại iPhone và Samsung', 'điện thoại ai phôn và Xam xung'),
        ('tiêm vắc xin Pfizer', 'tiêm vắc xin Phai dơ'),
        ('biến chủng Omicron', 'biến chủng Ô mi cờ rôn'),
        ('virus SARS-CoV-2', 'vi rút Xát cô vi hai'),
        ('đội tuyển dự SEA Games 32', 'đội tuyển dự Xi ghêm ba mươi hai'),
        ('giải V.League', 'giải Vê lích'),
        ('Olympic Tokyo', 'Ô lim pích Tô ki ô'),
        ('camera giám sát', 'ca mê ra giám sát'),
        ('clip lan truyền trên mạng', 'cờ líp lan truyền trên mạng'),
        ('ứng dụng ChatGPT', 'ứng dụng Chát gi pi ti'),
        ('PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ TRÊN FACEBOOK', 'Phát Triển Thương Mại Điện Tử Trên Phây búc'),
        ('quét mã QR code', 'quét mã Kiu a cốt'),
        ('giải chạy marathon', 'giải chạy ma ra tông'),
        ('sân pickleball', 'sân pích cơ bon'),
        ('lễ hội festival', 'lễ hội phét xờ ti van'),
        ('sân golf', 'sân gôn'),
        ('Ứng dụng Zalo', 'Ứng dụng Da lô'),
        ('ZALO', 'Da lô'),
        ('cài đặt zalo', 'cài đặt da lô'),
        ('tài khoản Facebook, Zalo và TikTok', 'tài khoản Phây búc, Da lô và Tích tốc'),
        ('Fanpage của huyện', 'Phan pết của huyện'),
        ('đăng trên fanpage', 'đăng trên phan pết'),
        ('bản tin trên app', 'bản tin trên áp'),
    ],
)
def test_loanwords(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


def test_the_list_is_broad() -> None:
    table = loanwords.loanwords()
    assert len(table) >= 250
    for word in ("zalo", "facebook", "youtube", "vietcombank", "internet", "online", "email",
                 "website", "smartphone", "agribank", "viettel", "livestream", "wifi"):
        assert word in table


def test_every_reading_is_vietnamese_syllables_that_no_rule_changes() -> None:
    for written, spoken in loanwords.loanwords().items():
        assert all(syllables.is_syllable(w) for w in spoken.split()), written
        assert normalize(f"về {spoken} mới") == f"về {spoken} mới", written


def test_no_written_form_is_a_vietnamese_word_or_an_abbreviation() -> None:
    """A loanword that is also a Vietnamese syllable ("ban") would change Vietnamese text."""
    abbreviations = {a.casefold() for a in lexicon.abbreviations()}
    for written in loanwords.loanwords():
        words = written.split()
        assert not (len(words) == 1 and syllables.is_syllable(written)), written
        assert written not in abbreviations, written


def test_an_abbreviation_stays_with_the_abbreviation_table() -> None:
    assert loanwords.read_loanwords("WHO và ASEAN") == "WHO và ASEAN"


def test_staff_lexicon_overrides_a_loanword(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "lexicon.txt").write_text("Zalo = Da lồ\nTechcom = Téc côm\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path)
    assert normalize("Nhắn qua Zalo.", settings) == "Nhắn qua Da lồ."
    assert normalize("Ngân hàng Techcom.", settings) == "Ngân hàng Téc côm."
