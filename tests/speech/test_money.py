"""Money: every currency, symbol before or after, decimals read with "phẩy", ranges with "đến"."""

from __future__ import annotations

import pytest

from reader.speech import money
from tests.speech.spoken import assert_spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Giá vàng thế giới ở mức 2.350 USD/ounce.', 'Giá vàng thế giới ở mức hai nghìn ba trăm năm mươi đô la Mỹ một ao xơ.'),
        ('Kim ngạch xuất khẩu đạt 1,2 tỷ USD.', 'Kim ngạch xuất khẩu đạt một phẩy hai tỷ đô la Mỹ.'),
        ('Dự án có tổng vốn 50 triệu USD.', 'Dự án có tổng vốn năm mươi triệu đô la Mỹ.'),
        ('Mỗi tấn gạo xuất khẩu giá 650 USD.', 'Mỗi tấn gạo xuất khẩu giá sáu trăm năm mươi đô la Mỹ.'),
        ('Giá gạo 5% tấm ở mức 575-580 USD/tấn.', 'Giá gạo năm phần trăm tấm ở mức năm trăm bảy mươi lăm đến năm trăm tám mươi đô la Mỹ một tấn.'),
        ('Tỷ giá USD tăng nhẹ.', 'Tỷ giá đô la Mỹ tăng nhẹ.'),
        ('Đồng USD giảm giá.', 'Đồng đô la Mỹ giảm giá.'),
        ('Chiếc điện thoại có giá $999.', 'Chiếc điện thoại có giá chín trăm chín mươi chín đô la.'),
        ('Gói cước chỉ $4.99 mỗi tháng.', 'Gói cước chỉ bốn phẩy chín mươi chín đô la mỗi tháng.'),
        ('vé máy bay giá từ $120-$150', 'vé máy bay giá từ một trăm hai mươi đô la đến một trăm năm mươi đô la'),
        ('Khoản vay $2 triệu', 'Khoản vay hai triệu đô la'),
        ('Khoản viện trợ 3 triệu đô la', 'Khoản viện trợ ba triệu đô la'),
        ('giá 5.5 USD', 'giá năm phẩy năm đô la Mỹ'),
        ('đạt 500 usd mỗi người', 'đạt năm trăm đô la Mỹ mỗi người'),
        ('thu nhập 1.500 Usd', 'thu nhập một nghìn năm trăm đô la Mỹ'),
        ('Khoản tài trợ €500.000 của châu Âu', 'Khoản tài trợ năm trăm nghìn ơ rô của châu Âu'),
        ('Hợp đồng trị giá 2 triệu EUR.', 'Hợp đồng trị giá hai triệu ơ rô.'),
        ('vé vào cửa 20 Euro', 'vé vào cửa hai mươi ơ rô'),
        ('Giá 15 €', 'Giá mười lăm ơ rô'),
        ('Học phí £9.250 mỗi năm', 'Học phí chín nghìn hai trăm năm mươi bảng Anh mỗi năm'),
        ('giá 3.000¥', 'giá ba nghìn yên'),
        ('Vốn 100 triệu NDT', 'Vốn một trăm triệu nhân dân tệ'),
        ('đầu tư 2 tỷ yên', 'đầu tư hai tỷ yên'),
        ('giá 45.000 ₫', 'giá bốn mươi lăm nghìn đồng'),
        ('giá 45.000đ', 'giá bốn mươi lăm nghìn đồng'),
        ('giá 45.000 đ/kg', 'giá bốn mươi lăm nghìn đồng một ki lô gam'),
        ('giá 45.000đ/kg', 'giá bốn mươi lăm nghìn đồng một ki lô gam'),
        ('Mức hỗ trợ 1.500.000đ/người/tháng', 'Mức hỗ trợ một triệu năm trăm nghìn đồng một người một tháng'),
        ('Học phí 300.000 VNĐ/tháng', 'Học phí ba trăm nghìn đồng một tháng'),
        ('Phí 50.000 VND', 'Phí năm mươi nghìn đồng'),
        ('tổng cộng 3,5 tỷ VNĐ', 'tổng cộng ba phẩy năm tỷ đồng'),
        ('giá từ 20.000đ-30.000đ', 'giá từ hai mươi nghìn đồng đến ba mươi nghìn đồng'),
        ('giá từ 20.000 đ - 30.000 đ/kg', 'giá từ hai mươi nghìn đồng đến ba mươi nghìn đồng một ki lô gam'),
        ('giá 20.000-30.000đ', 'giá hai mươi nghìn đến ba mươi nghìn đồng'),
        ('Thu nhập 5-7 triệu đồng/tháng', 'Thu nhập năm đến bảy triệu đồng một tháng'),
        ('Heo hơi 62.000 - 64.000 đồng/kg', 'Heo hơi sáu mươi hai nghìn đến sáu mươi tư nghìn đồng một ki lô gam'),
        ('Sầu riêng 80.000đ-85.000đ/kg', 'Sầu riêng tám mươi nghìn đồng đến tám mươi lăm nghìn đồng một ki lô gam'),
        ('Cá tra 28.000-29.000 đồng/kg', 'Cá tra hai mươi tám nghìn đến hai mươi chín nghìn đồng một ki lô gam'),
        ('mức lương 4,68 triệu đồng', 'mức lương bốn phẩy sáu mươi tám triệu đồng'),
        ('nhận 500.000đ', 'nhận năm trăm nghìn đồng'),
        ('50.000đồng', 'năm mươi nghìn đồng'),
        ('Vé 10 SGD', 'Vé mười đô la Xinh ga po'),
        ('Lãi suất tiền gửi 4,7%/năm', 'Lãi suất tiền gửi bốn phẩy bảy phần trăm một năm'),
        ('giá 1.200.000 VNĐ', 'giá một triệu hai trăm nghìn đồng'),
        ('trị giá 100 nghìn USD', 'trị giá một trăm nghìn đô la Mỹ'),
        ('bán ra 25.450 VND/USD', 'bán ra hai mươi lăm nghìn bốn trăm năm mươi đồng một đô la Mỹ'),
        ('Giá 1 lít xăng là 1,2 USD', 'Giá một lít xăng là một phẩy hai đô la Mỹ'),
        ('khoảng 300 USD/tháng', 'khoảng ba trăm đô la Mỹ một tháng'),
        ('Hỗ trợ 200$ mỗi hộ', 'Hỗ trợ hai trăm đô la mỗi hộ'),
        ('giá 10 US$', 'giá mười đô la Mỹ'),
        ('giá 2,5 triệu won', 'giá hai phẩy năm triệu won'),
        ('50.000 KRW', 'năm mươi nghìn won Hàn Quốc'),
        ('vốn 20 tỷ Yên', 'vốn hai mươi tỷ Yên'),
        ('Tổng thu ngân sách 1.250 tỷ đồng', 'Tổng thu ngân sách một nghìn hai trăm năm mươi tỷ đồng'),
        ('tiền phạt 7,5 triệu đồng', 'tiền phạt bảy phẩy năm triệu đồng'),
        ('từ 15 triệu đồng - 20 triệu đồng', 'từ mười lăm triệu đồng đến hai mươi triệu đồng'),
        ('trị giá USD 5.000', 'trị giá năm nghìn đô la Mỹ'),
        ('khoản vay USD 2 triệu', 'khoản vay hai triệu đô la Mỹ'),
        ('tỷ giá USD 24.500 đồng', 'tỷ giá đô la Mỹ hai mươi tư nghìn năm trăm đồng'),
        ('tỷ giá USD 24.500', 'tỷ giá đô la Mỹ hai mươi tư nghìn năm trăm'),
        ('VND 50.000', 'năm mươi nghìn đồng'),
        ('USD 5.99', 'năm phẩy chín mươi chín đô la Mỹ'),
    ],
)
def test_money(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


def test_every_currency_is_said_in_vietnamese_words() -> None:
    for written, spoken in money.currencies().items():
        assert spoken and not any(ch in money.SYMBOLS for ch in spoken), written
        assert_spoken(f"giá 5 {written}" if written[0].isalnum() else f"giá 5{written}",
                      f"giá năm {spoken}")


@pytest.mark.parametrize("symbol", ["$", "€", "£", "¥", "₫", "₩"])
def test_a_symbol_alone_is_named_not_dropped(symbol: str) -> None:
    said = money.read_money(f"tính bằng {symbol}")
    assert symbol not in said and said.split()[-1] != "bằng"
