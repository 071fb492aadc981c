"""Units: SI prefixes, case variants and powers, read only after a number; rates with "một"."""

from __future__ import annotations

import pytest

from reader.speech import lexicon, syllables, units
from reader.speech.normalize import normalize
from tests.speech.spoken import assert_spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Mỗi viên chứa 500 mg hoạt chất.', 'Mỗi viên chứa năm trăm mi li gam hoạt chất.'),
        ('uống 5mg mỗi ngày', 'uống năm mi li gam mỗi ngày'),
        ('chai 500ml', 'chai năm trăm mi li lít'),
        ('chai 1,5 lít', 'chai một phẩy năm lít'),
        ('bình 20 l', 'bình hai mươi lít'),
        ('mẫu 10 µg', 'mẫu mười mi cờ rô gam'),
        ('sâu 30 cm', 'sâu ba mươi xen ti mét'),
        ('dày 5 mm', 'dày năm mi li mét'),
        ('cao 1,2 m', 'cao một phẩy hai mét'),
        ('dài 2 km', 'dài hai ki lô mét'),
        ('đường kính 50 nm', 'đường kính năm mươi na nô mét'),
        ('căn phòng 25 m2', 'căn phòng hai mươi lăm mét vuông'),
        ('diện tích 12 cm²', 'diện tích mười hai xen ti mét vuông'),
        ('diện tích 3 km²', 'diện tích ba ki lô mét vuông'),
        ('diện tích 1.200 km2', 'diện tích một nghìn hai trăm ki lô mét vuông'),
        ('tiết diện 2,5 mm2', 'tiết diện hai phẩy năm mi li mét vuông'),
        ('thể tích 3 cm³', 'thể tích ba xen ti mét khối'),
        ('khối lượng 50 m3 đất', 'khối lượng năm mươi mét khối đất'),
        ('lượng nước 1.000 m³', 'lượng nước một nghìn mét khối'),
        ('lưu lượng 200 m3/s', 'lưu lượng hai trăm mét khối một giây'),
        ('gió giật 15 m/s', 'gió giật mười lăm mét một giây'),
        ('tốc độ 80 km/h', 'tốc độ tám mươi ki lô mét một giờ'),
        ('chạy 60 Km/h', 'chạy sáu mươi ki lô mét một giờ'),
        ('vận tốc 40 km/giờ', 'vận tốc bốn mươi ki lô mét một giờ'),
        ('đường dây 500 kV', 'đường dây năm trăm ki lô vôn'),
        ('trạm 110KV', 'trạm một trăm mười ki lô vôn'),
        ('điện áp 220 V', 'điện áp hai trăm hai mươi vôn'),
        ('bình ắc quy 12V', 'bình ắc quy mười hai vôn'),
        ('dòng điện 10 mA', 'dòng điện mười mi li am pe'),
        ('sạc nhanh 65 W', 'sạc nhanh sáu mươi lăm oát'),
        ('công suất 1.200 MW', 'công suất một nghìn hai trăm mê ga oát'),
        ('điện mặt trời 50 MWp', 'điện mặt trời năm mươi mê ga oát đỉnh'),
        ('sản lượng 3 tỷ kWh', 'sản lượng ba tỷ ki lô oát giờ'),
        ('tiêu thụ 150 kwh', 'tiêu thụ một trăm năm mươi ki lô oát giờ'),
        ('máy phát 500 kVA', 'máy phát năm trăm ki lô vôn am pe'),
        ('tần số 50 Hz', 'tần số năm mươi héc'),
        ('băng tần 700 MHz', 'băng tần bảy trăm mê ga héc'),
        ('wifi 5 GHz', 'oai phai năm gi ga héc'),
        ('bộ nhớ 128 GB', 'bộ nhớ một trăm hai mươi tám gi ga bai'),
        ('ổ cứng 2 TB', 'ổ cứng hai tê ra bai'),
        ('bộ nhớ trong 16GB', 'bộ nhớ trong mười sáu gi ga bai'),
        ('tệp 500 MB', 'tệp năm trăm mê ga bai'),
        ('dữ liệu 3 KB', 'dữ liệu ba ki lô bai'),
        ('tốc độ 150 Mbps', 'tốc độ một trăm năm mươi mê ga bít một giây'),
        ('tốc độ 1 Gbps', 'tốc độ một gi ga bít một giây'),
        ('pin 4.000 mAh', 'pin bốn nghìn mi li am pe giờ'),
        ('áp suất 1.013 hPa', 'áp suất một nghìn không trăm mười ba héc tô pát xờ can'),
        ('năng lượng 2.000 kcal', 'năng lượng hai nghìn ki lô ca lo'),
        ('động cơ 150 hp', 'động cơ một trăm năm mươi mã lực'),
        ('máy cày 20 CV', 'máy cày hai mươi mã lực'),
        ('mức ồn 85 dB', 'mức ồn tám mươi lăm đề xi ben'),
        ('nồng độ 0,5 ppm', 'nồng độ không phẩy năm phần triệu'),
        ('màn hình 6,5 inch', 'màn hình sáu phẩy năm inh'),
        ('nhiệt độ 38°C', 'nhiệt độ ba mươi tám độ C'),
        ('nhiệt độ -5°C', 'nhiệt độ âm năm độ C'),
        ('từ 25-32°C', 'từ hai mươi lăm đến ba mươi hai độ C'),
        ('thu hoạch 7 tấn/ha', 'thu hoạch bảy tấn một héc ta'),
        ('năng suất 65 tạ/ha', 'năng suất sáu mươi lăm tạ một héc ta'),
        ('trồng 3 ha', 'trồng ba héc ta'),
        ('giá 10.000 đồng/kg', 'giá mười nghìn đồng một ki lô gam'),
        ('mật độ 350 người/km²', 'mật độ ba trăm năm mươi người một ki lô mét vuông'),
        ('con 2kg-3kg', 'con hai ki lô gam đến ba ki lô gam'),
        ('từ 2-3 kg', 'từ hai đến ba ki lô gam'),
        ('từ 1,5m - 2m', 'từ một phẩy năm mét đến hai mét'),
        ('từ 100-200 m', 'từ một trăm đến hai trăm mét'),
        ('10 km - 15 km', 'mười ki lô mét đến mười lăm ki lô mét'),
        ('3 ha - 5 ha', 'ba héc ta đến năm héc ta'),
        ('tấn gạo', 'tấn gạo'),
        ('đơn vị kg', 'đơn vị ki lô gam'),
        ('mua TB', 'mua thông báo'),
        ('theo TB số 12', 'theo thông báo số mười hai'),
        ('2 TB', 'hai tê ra bai'),
        ('cách 50m', 'cách năm mươi mét'),
        ('nhà máy điện mặt trời 50 MWp', 'nhà máy điện mặt trời năm mươi mê ga oát đỉnh'),
        ('tổng công suất 1.500 kWp', 'tổng công suất một nghìn năm trăm ki lô oát đỉnh'),
        ('dung lượng 512 KB', 'dung lượng năm trăm mười hai ki lô bai'),
        ('tăng 2-3 lần', 'tăng hai đến ba lần'),
    ],
)
def test_units(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('mật độ 20 con/m2', 'mật độ hai mươi con một mét vuông'),
        ('trồng 2.000 cây/ha', 'trồng hai nghìn cây một héc ta'),
        ('đón 5.000 lượt khách/ngày', 'đón năm nghìn lượt khách một ngày'),
        ('3.000 xe/ngày đêm', 'ba nghìn xe một ngày đêm'),
        ('giá xăng 23.000 đồng/lít', 'giá xăng hai mươi ba nghìn đồng một lít'),
        ('giá điện 2.000 đồng/kWh', 'giá điện hai nghìn đồng một ki lô oát giờ'),
        ('dầu thô 80 USD/thùng', 'dầu thô tám mươi đô la Mỹ một thùng'),
        ('tiêu thụ 60 kg/người/năm', 'tiêu thụ sáu mươi ki lô gam một người một năm'),
        ('cấp 100 lít/người/ngày', 'cấp một trăm lít một người một ngày'),
        ('lượng mưa 120mm', 'lượng mưa một trăm hai mươi mi li mét'),
        ('lưu lượng 5 l/s', 'lưu lượng năm lít một giây'),
        ('bơm 200 m3/h', 'bơm hai trăm mét khối một giờ'),
        ('công suất 5.000 m3/ngày đêm', 'công suất năm nghìn mét khối một ngày đêm'),
        ('lãi suất 0,5%/tháng', 'lãi suất không phẩy năm phần trăm một tháng'),
        ('tốc độ 5 vòng/phút', 'tốc độ năm vòng một phút'),
        ('100 tấn/năm', 'một trăm tấn một năm'),
        ('20 triệu đồng/m2', 'hai mươi triệu đồng một mét vuông'),
        ('học phí 1,5 triệu đồng/học sinh/tháng', 'học phí một phẩy năm triệu đồng một học sinh một tháng'),
        ('mức phạt 5-10 triệu đồng/trường hợp', 'mức phạt năm đến mười triệu đồng một trường hợp'),
        ('30.000 đồng/suất', 'ba mươi nghìn đồng một suất'),
        ('chi 50.000 đồng/cuốn', 'chi năm mươi nghìn đồng một cuốn'),
        ('20 xã/phường', 'hai mươi xã phường'),
        ('5.000 đồng/lượt khách', 'năm nghìn đồng một lượt khách'),
        ('uống 3 lần/ngày', 'uống ba lần một ngày'),
        ('2 vụ/năm', 'hai vụ một năm'),
        ('Hội nghị lần thứ 8 TW khóa XIII', 'Hội nghị lần thứ tám Trung ương khóa mười ba'),
        ('khoảng 7g sáng', 'khoảng bảy giờ sáng'),
        ('khoảng 7g muối', 'khoảng bảy gam muối'),
        ('tàu cá công suất 400 CV', 'tàu cá công suất bốn trăm mã lực'),
    ],
)
def test_rates_read_slash_as_mot(written: str, spoken: str) -> None:
    """Convention: "/" in a rate is "một"; "xã/phường" (no rate) is a list, the slash silent."""
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("unit", "spoken"),
    [
        ("mg", "mi li gam"), ("ml", "mi li lít"), ("cm²", "xen ti mét vuông"),
        ("cm2", "xen ti mét vuông"), ("cm³", "xen ti mét khối"), ("cm3", "xen ti mét khối"),
        ("m/s", "mét một giây"), ("km/h", "ki lô mét một giờ"), ("kV", "ki lô vôn"),
        ("kW", "ki lô oát"), ("kWh", "ki lô oát giờ"), ("MW", "mê ga oát"), ("Hz", "héc"),
        ("MHz", "mê ga héc"), ("GHz", "gi ga héc"), ("GB", "gi ga bai"), ("TB", "tê ra bai"),
        ("Mbps", "mê ga bít một giây"), ("mAh", "mi li am pe giờ"), ("mA", "mi li am pe"),
        ("V", "vôn"), ("W", "oát"), ("hp", "mã lực"), ("°C", "độ C"), ("ha", "héc ta"),
        ("tấn", "tấn"), ("KW", "ki lô oát"), ("Kwh", "ki lô oát giờ"), ("Mhz", "mê ga héc"),
        ("KG", "ki lô gam"), ("Km", "ki lô mét"), ("mm²", "mi li mét vuông"),
    ],
)
def test_the_table_has_the_units_of_the_news(unit: str, spoken: str) -> None:
    assert units.table()[unit] == spoken


def test_every_unit_is_read_in_vietnamese_syllables_after_a_number() -> None:
    for written, spoken in units.table().items():
        said = normalize(f"đo được 7 {written}.")
        assert said == f"đo được bảy {spoken}.", written
        assert all(syllables.is_syllable(w) or w == "C" or w == "F" for w in spoken.split())


@pytest.mark.parametrize("unit", ["TB", "GB", "MB", "CV", "HP", "KW"])
def test_a_capital_unit_is_read_only_after_a_number(unit: str) -> None:
    alone = normalize(f"theo {unit} này")
    assert units.table()[unit] not in alone


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("giá tính theo kg", "giá tính theo ki lô gam"),
        ("đo bằng m3", "đo bằng mét khối"),
        ("đơn vị tính: m2", "đơn vị tính: mét vuông"),
        ("giá mỗi kWh điện", "giá mỗi ki lô oát giờ điện"),
        ("điện áp tính bằng kV", "điện áp tính bằng ki lô vôn"),
        ("liều thuốc theo mg", "liều thuốc theo mi li gam"),
        ("đổi từ cm sang mm", "đổi từ xen ti mét sang mi li mét"),
        ("tốc độ tính bằng km/h", "tốc độ tính bằng ki lô mét một giờ"),
        ("hà ha", "hà ha"),
        ("theo TB này", "theo thông báo này"),
    ],
)
def test_a_unit_that_can_be_nothing_else_is_read_without_a_number(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


def test_variants_name_known_units() -> None:
    table = units.table()
    for line in lexicon.data_lines("unit_variants.tsv"):
        variant, unit = line.split("\t")
        assert table[variant] == table[unit]


def test_units_currencies_and_loanwords_are_never_cut_by_a_chunk() -> None:
    from reader.speech import bonds

    phrases = bonds.reader_phrases()
    for said in ("mê ga oát", "gi ga bai", "đô la mỹ", "ơ rô", "việt com banh", "phây búc"):
        assert said in phrases or " " not in said
