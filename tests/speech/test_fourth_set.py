"""Forms found misread on the fourth held-out set (bench/data/heldout_news_4.txt), each
fixed for its whole kind: court judgement codes, serials after a code of capitals, names cut
to an initial, alarm levels from one to another, design loads, seasons, set scores, the
tilde, fractions of a total, text-message numbers, rates per minute, and data entries."""

from __future__ import annotations

import pytest

from tests.speech.spoken import assert_spoken

COURT_CODES = [
    (
        "Bản án số 125/2023/HS-PT ngày 20/11/2023 có hiệu lực",
        "Bản án số một trăm hai mươi lăm năm hai nghìn không trăm hai mươi ba hình sự phúc thẩm"
        " ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi ba có hiệu lực",
    ),
    (
        "theo Bản án 12/2024/DS-ST của TAND huyện",
        "theo Bản án số mười hai năm hai nghìn không trăm hai mươi tư dân sự sơ thẩm"
        " của Tòa án nhân dân huyện",
    ),
    (
        "bản án 05/2022/HSST đã tuyên",
        "bản án số năm năm hai nghìn không trăm hai mươi hai hình sự sơ thẩm đã tuyên",
    ),
    (
        "Quyết định số 10/2024/QĐXXST-HS ngày 5/3/2024",
        "Quyết định số mười năm hai nghìn không trăm hai mươi tư xét xử sơ thẩm hình sự"
        " ngày năm tháng ba năm hai nghìn không trăm hai mươi tư",
    ),
    (
        "theo 33/2023/KDTM-PT",
        "theo bản án số ba mươi ba năm hai nghìn không trăm hai mươi ba kinh doanh thương mại"
        " phúc thẩm",
    ),
    (
        "Bản án số 8/2024/HNGĐ-ST",
        "Bản án số tám năm hai nghìn không trăm hai mươi tư hôn nhân và gia đình sơ thẩm",
    ),
    (
        "Quyết định 12/2024/QĐ-UBND của tỉnh",
        "Quyết định số mười hai năm hai nghìn không trăm hai mươi tư của tỉnh",
    ),
]

SERIALS = [
    ("Giấy chứng nhận số CS 123456 do Sở cấp", "Giấy chứng nhận số xê ét sì một hai ba bốn năm sáu do Sở cấp"),
    ("số vào sổ CS01234", "số vào sổ xê ét sì không một hai ba bốn"),
    ("giống lúa IR 50404 và OM 18", "giống lúa i e rờ năm không bốn không bốn và ô em mờ mười tám"),
    ("lô đất LK-05 và LK-12", "lô đất e lờ ca không năm và e lờ ca mười hai"),
    ("thu USD 50000", "thu năm mươi nghìn đô la Mỹ"),
    ("ĐT 0912345678", "điện thoại không chín một hai, ba bốn năm, sáu bảy tám"),
    ("SN 1985", "sinh năm một nghìn chín trăm tám mươi lăm"),
    ("năm 2024 và 12345 người", "năm hai nghìn không trăm hai mươi tư và mười hai nghìn ba trăm bốn mươi lăm người"),
    ("quý IV-2023", "quý bốn năm hai nghìn không trăm hai mươi ba"),
    ("QL-1A", "quốc lộ một a"),
    (
        "các giống lúa chịu mặn như ST24, ST25 và OM 5451.",
        "các giống lúa chịu mặn như ét sì tê hai mươi tư, ét sì tê hai mươi lăm và ô em mờ năm bốn năm một.",
    ),
    ("lúa OM 4900 đạt 7 tấn/ha", "lúa ô em mờ bốn chín không không đạt bảy tấn một héc ta"),
    ("giá vàng SJC 9999 tăng", "giá vàng ét sì gi xê bốn số chín tăng"),
    ("Hội nghị APEC 2017", "Hội nghị a pếch hai nghìn không trăm mười bảy"),
    ("GDP 4500 USD", "giê đê pê bốn nghìn năm trăm đô la Mỹ"),
    ("CMND 123456789", "chứng minh nhân dân một hai ba bốn, năm sáu bảy tám chín"),
    ("STK 1234567890", "số tài khoản một hai ba bốn năm, sáu bảy tám chín không"),
    ("đạt ISO 14001", "đạt i xô mười bốn nghìn không trăm linh một"),
]

INITIALS = [
    (
        "bị cáo Trần Văn T. (SN 1989) bị tuyên phạt",
        "bị cáo Trần Văn tê (sinh năm một nghìn chín trăm tám mươi chín) bị tuyên phạt",
    ),
    ("đối tượng Lê Thị M. bị bắt", "đối tượng Lê Thị em mờ bị bắt"),
    ("bị can Nguyễn Văn H.", "bị can Nguyễn Văn hát."),
    ("Đồng chí Nguyễn Văn B., Phó Bí thư", "Đồng chí Nguyễn Văn bê, Phó Bí thư"),
    ("Ủy viên T.Ư Đảng", "Ủy viên Trung ương Đảng"),
]

ADDRESSES = [
    ("Xem chi tiết tại: vnexpress.net/thoi-su.", "Xem chi tiết tại: vnexpress chấm nét."),
    ("truy cập zalo.me/0912345678.", "truy cập da lô chấm mi."),
    (
        "Gửi hồ sơ qua email: tuyendung@vnpt.vn trước 17h",
        "Gửi hồ sơ qua i meo: tuyendung a còng vê en nờ pê tê chấm vê en trước mười bảy giờ",
    ),
    ("Chiến dịch #VietNamXanh thu hút", "Chiến dịch Viet Nam Xanh thu hút"),
]

COMPARISONS = [
    ("Tỷ lệ hài lòng ≥ 90%.", "Tỷ lệ hài lòng lớn hơn hoặc bằng chín mươi phần trăm."),
    (
        "Trẻ em < 6 tuổi được miễn phí, người > 60 tuổi giảm 50%.",
        "Trẻ em dưới sáu tuổi được miễn phí, người trên sáu mươi tuổi giảm năm mươi phần trăm.",
    ),
    ("Sai số cho phép ±0,5 độ C.", "Sai số cho phép cộng trừ không phẩy năm độ C."),
    ("Độ tuổi ≤ 35.", "Độ tuổi nhỏ hơn hoặc bằng ba mươi lăm."),
    ("<p>5 người</p>", "năm người"),
    ("sai số ± vài độ", "sai số cộng trừ vài độ"),
    ("giá 1.000 baht", "giá một nghìn bạt"),
    (
        "huyện Châu Thành A. Tiếp theo là huyện Giồng Riềng",
        "huyện Châu Thành a. Tiếp theo là huyện Giồng Riềng",
    ),
    ("Chương I. Quy định chung", "Chương một. Quy định chung"),
    ("Mục A. Tổng quan", "Mục A. Tổng quan"),
    ("Phụ lục II. Danh mục", "Phụ lục hai. Danh mục"),
]

ROADS_AND_LOADS = [
    ("lên mức BĐ2-BĐ3.", "lên mức báo động hai đến báo động ba."),
    ("mực nước trên BĐ1 - BĐ2", "mực nước trên báo động một đến báo động hai"),
    ("QL1A-QL1B", "quốc lộ một a đến quốc lộ một bê"),
    ("tải trọng HL93, khổ cầu 9 m", "tải trọng hát e lờ chín mươi ba, khổ cầu chín mét"),
    ("tuyến HL93 qua xã", "tuyến hương lộ chín mươi ba qua xã"),
]

SEASONS_SCORES_AND_RANGES = [
    (
        "vòng 5 V.League 1 2024/25.",
        "vòng năm Vê lích một hai nghìn không trăm hai mươi tư – hai nghìn không trăm hai mươi lăm.",
    ),
    (
        "mùa giải 2023-24 kết thúc",
        "mùa giải hai nghìn không trăm hai mươi ba – hai nghìn không trăm hai mươi tư kết thúc",
    ),
    ("thua 4-6, 3-6 ở vòng 1", "thua bốn sáu, ba sáu ở vòng một"),
    ("thắng 6-4, 6-3, 7-5 trong trận chung kết", "thắng sáu bốn, sáu ba, bảy năm trong trận chung kết"),
    ("thắng 2-1, sau đó nghỉ 3-5 ngày", "thắng hai một, sau đó nghỉ ba đến năm ngày"),
    ("khoảng 150~200 tỷ đồng", "khoảng một trăm năm mươi đến hai trăm tỷ đồng"),
    ("từ 2~3 giờ", "từ hai đến ba giờ"),
    ("giá 2kg~5kg", "giá hai ki lô gam đến năm ki lô gam"),
    ("cần ~200 người", "cần khoảng hai trăm người"),
]

COUNTED_SLASHES = [
    (
        "gieo sạ đạt 85.000ha/95.000ha kế hoạch.",
        "gieo sạ đạt tám mươi lăm nghìn héc ta trên chín mươi lăm nghìn héc ta kế hoạch.",
    ),
    ("có 35 hộ/40 hộ tham gia", "có ba mươi lăm hộ trên bốn mươi hộ tham gia"),
    ("xử lý 45 vụ/52 đối tượng vi phạm", "xử lý bốn mươi lăm vụ, năm mươi hai đối tượng vi phạm"),
    ("giá 25.000đ/1kg", "giá hai mươi lăm nghìn đồng một ki lô gam"),
    ("hẻm 45B/12 Trần Phú", "hẻm bốn mươi lăm bê trên mười hai Trần Phú"),
    ("đạt 15/17 xã", "đạt mười lăm trên mười bảy xã"),
]

FRACTIONS = [
    ("có đến 3/4 số công trình bị chậm", "có đến ba trên bốn số công trình bị chậm"),
    ("khoảng 2/5 tổng số hộ", "khoảng hai trên năm tổng số hộ"),
    ("ngày 3/4 số ca mắc tăng", "ngày ba tháng tư số ca mắc tăng"),
    ("đến 30/4 số hộ nghèo giảm", "đến ngày ba mươi tháng tư số hộ nghèo giảm"),
    ("đến 3/4 sẽ xong", "đến ngày ba tháng tư sẽ xong"),
]

MESSAGES = [
    (
        "nhắn tin theo cú pháp DT SBD gửi 8785.",
        "nhắn tin theo cú pháp đê tê ét sì bê đê gửi tám bảy tám năm.",
    ),
    ("soạn tin UH gửi đến 1405 để ủng hộ", "soạn tin u hát gửi đến một bốn không năm để ủng hộ"),
    ("nhắn tin về đầu số 8085", "nhắn tin về đầu số tám không tám năm"),
    ("đã soạn tin gửi 200 người", "đã soạn tin gửi hai trăm người"),
    ("gửi 1500 hồ sơ", "gửi một nghìn năm trăm hồ sơ"),
    ("máy lẻ 105", "máy lẻ một không năm"),
]

RATES_AND_WORDS = [
    ("mạch 110 lần/phút", "mạch một trăm mười lần một phút"),
    ("lưu lượng 5 lít/giây", "lưu lượng năm lít một giây"),
    ("đường huyết 12,5 mmol/L", "đường huyết mười hai phẩy năm mi li mon một lít"),
    ("can dầu 5L giá 250.000 đồng", "can dầu năm lít giá hai trăm năm mươi nghìn đồng"),
    ("liều 100.000 IU vitamin A", "liều một trăm nghìn đơn vị quốc tế vi ta min A"),
    ("tước GPLX 58 trường hợp", "tước giấy phép lái xe năm mươi tám trường hợp"),
    ("ứng dụng AI trong y tế", "ứng dụng ây ai trong y tế"),
    ("TIN TỨC AI CŨNG BIẾT", "Tin Tức Ai Cũng Biết"),
    ("động đất 4,2 độ richter", "động đất bốn phẩy hai độ rích te"),
    ("vốn vay World Bank", "vốn vay Ngân hàng Thế giới"),
    ("chỉ số HbA1c 9,2%", "chỉ số Hát bê a một xê chín phẩy hai phần trăm"),
    ("bụi mịn PM2.5 vượt ngưỡng, PM10 cũng vậy.", "bụi mịn Pê em hai chấm năm vượt ngưỡng, Pê em mười cũng vậy."),
    ("nồng độ PM2,5 tăng", "nồng độ Pê em hai phẩy năm tăng"),
    ("xe máy dưới 50cc", "xe máy dưới năm mươi phân khối"),
    ("V/v triển khai thực hiện", "về việc triển khai thực hiện"),
    ("độ pH của nước đạt 6,5-8,5.", "độ pê hát của nước đạt sáu phẩy năm đến tám phẩy năm."),
    ("kết cấu BTXM, BTCT.", "kết cấu bê tông xi măng, bê tông cốt thép."),
    ("tần suất 15-20 phút/chuyến.", "tần suất mười lăm đến hai mươi phút một chuyến."),
    ("2 bữa/học sinh", "hai bữa một học sinh"),
    ("15 xã/phường", "mười lăm xã phường"),
    ("đường bay TP.HCM - Bangkok", "đường bay Thành phố Hồ Chí Minh - Băng cốc"),
    ("Hội nghị tại Singapore và Phnom Penh", "Hội nghị tại Xinh ga po và Nông pênh"),
    ("giải ATP Challenger", "giải a tê pê Che len giơ"),
    ("trị giá 1tr đồng, 2,5tr", "trị giá một triệu đồng, hai phẩy năm triệu"),
    ("lên 125k/kg", "lên một trăm hai mươi lăm nghìn một ki lô gam"),
    ("thông điệp 5K", "thông điệp năm ca"),
    ("Trần Thị B – TP LĐTB&XH huyện", "Trần Thị B – Trưởng phòng lao động, thương binh và xã hội huyện"),
    ("UBND TP Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("KP.3, P.Tân Phong", "khu phố ba, phường Tân Phong"),
    ("ngụ KP. 5, phường 2", "ngụ khu phố năm, phường hai"),
    ("Ông T.V.Hùng bị thương", "Ông tê vê Hùng bị thương"),
    ("bà N.T.Lan và anh T.Đ", "bà en nờ tê Lan và anh tê đê"),
    ("Th.S Lê Văn Nam", "thạc sĩ Lê Văn Nam"),
    ("phục vụ 24/24h.", "phục vụ hai mươi tư trên hai mươi tư giờ."),
    ("trực 24h/24h", "trực hai mươi tư trên hai mươi tư giờ"),
    ("trực 24 giờ/24 giờ", "trực hai mươi tư trên hai mươi tư giờ"),
    ("đường dây nóng (24/24)", "đường dây nóng (hai mươi tư trên hai mươi tư)"),
    ("có 2 bão, 3 ATNĐ và đợt KKL", "có hai bão, ba áp thấp nhiệt đới và đợt không khí lạnh"),
    ("hỗ trợ NLĐ và NSDLĐ", "hỗ trợ người lao động và người sử dụng lao động"),
    ("khu TĐC Phú Mỹ, báo cáo ĐTM", "khu tái định cư Phú Mỹ, báo cáo đánh giá tác động môi trường"),
    ("ứng dụng IoT trong nông nghiệp", "ứng dụng Ai ô ti trong nông nghiệp"),
    (
        "từ T2 đến T6, sáng 7h-11h; T7 và CN nghỉ.",
        "từ thứ hai đến thứ sáu, sáng bảy giờ đến mười một giờ; thứ bảy và chủ nhật nghỉ.",
    ),
    ("mở cửa T2-CN", "mở cửa thứ hai đến chủ nhật"),
    ("T2, T4, T6", "thứ hai, thứ tư, thứ sáu"),
    ("tầng T2", "tầng tê hai"),
    (
        "số liệu T3/2024 và T12/2023",
        "số liệu tháng ba năm hai nghìn không trăm hai mươi tư và tháng mười hai năm hai nghìn"
        " không trăm hai mươi ba",
    ),
    ("Phòng học 8m x 9m", "Phòng học tám mét nhân chín mét"),
    ("mỗi nền 5x20m", "mỗi nền năm nhân hai mươi mét"),
    ("Diện tích 1ha2 đất vườn", "Diện tích một héc ta hai đất vườn"),
    ("Quý II-III/2025.", "Quý hai đến ba năm hai nghìn không trăm hai mươi lăm."),
    ("xăng RON 95-III", "xăng Ron chín mươi lăm ba"),
    ("(mã CK: KGI)", "(mã chứng khoán: ca giê i)"),
    ("Mẹ VNAH Nguyễn Thị Thứ", "Mẹ Việt Nam Anh hùng Nguyễn Thị Thứ"),
    ("gia đình CCM và người HĐKC", "gia đình có công với cách mạng và người hoạt động kháng chiến"),
    ("TB-BB và người HĐKC", "thương binh, bệnh binh và người hoạt động kháng chiến"),
    (
        "Tiểu cầu giảm còn 50 G/L, bạch cầu 12.000/mm3.",
        "Tiểu cầu giảm còn năm mươi gi ga một lít, bạch cầu mười hai nghìn trên mi li mét khối.",
    ),
    ("giá 50.000/kg", "giá năm mươi nghìn trên ki lô gam"),
    ("AST 250 U/L", "a ét sì tê hai trăm năm mươi đơn vị một lít"),
    ("chỉ số SpO2 giảm", "chỉ số Ét pê ô hai giảm"),
    ("cholesterol 6,2 mmol/l", "cô lét tê rôn sáu phẩy hai mi li mon một lít"),
    ("có 350 hecta mất trắng", "có ba trăm năm mươi héc ta mất trắng"),
]


@pytest.mark.parametrize(
    ("written", "spoken"),
    COURT_CODES + SERIALS + INITIALS + ROADS_AND_LOADS + SEASONS_SCORES_AND_RANGES + FRACTIONS
    + COUNTED_SLASHES + ADDRESSES + COMPARISONS
    + MESSAGES + RATES_AND_WORDS,
)
def test_fourth_set_forms(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)
