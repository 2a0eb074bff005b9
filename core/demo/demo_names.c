#include "demo_names.h"

/*
 * Wards, communes and townships as they were at the end of 2020 (before the
 * 2025 reorganisation).  Two communes named Đồng Tâm exist (Hai Bà Trưng,
 * Mỹ Đức); they are left out so that the one "HTX Đồng Tâm" of the demo is
 * the only name a search for it finds.
 */

static const char *const ba_dinh_wards[] = {
    "Phường Cống Vị", "Phường Điện Biên", "Phường Đội Cấn", "Phường Giảng Võ",
    "Phường Kim Mã", "Phường Liễu Giai", "Phường Ngọc Hà", "Phường Ngọc Khánh",
    "Phường Nguyễn Trung Trực", "Phường Phúc Xá", "Phường Quán Thánh", "Phường Thành Công",
    "Phường Trúc Bạch", "Phường Vĩnh Phúc", NULL};
static const char *const ba_dinh_streets[] = {
    "phố Đội Cấn", "phố Kim Mã", "phố Liễu Giai", "đường Hoàng Hoa Thám", "phố Ngọc Hà",
    "phố Giảng Võ", "phố Vĩnh Phúc", "phố Nguyễn Thái Học", "phố Quán Thánh", "phố Văn Cao",
    NULL};

static const char *const hoan_kiem_wards[] = {
    "Phường Chương Dương", "Phường Cửa Đông", "Phường Cửa Nam", "Phường Đồng Xuân",
    "Phường Hàng Bạc", "Phường Hàng Bài", "Phường Hàng Bồ", "Phường Hàng Bông",
    "Phường Hàng Buồm", "Phường Hàng Đào", "Phường Hàng Gai", "Phường Hàng Mã",
    "Phường Hàng Trống", "Phường Lý Thái Tổ", "Phường Phan Chu Trinh", "Phường Phúc Tân",
    "Phường Tràng Tiền", "Phường Trần Hưng Đạo", NULL};
static const char *const hoan_kiem_streets[] = {
    "phố Hàng Bông", "phố Hàng Gai", "phố Hàng Bạc", "phố Hàng Đào", "phố Hàng Bài",
    "phố Hàng Bồ", "phố Hàng Mã", "phố Phùng Hưng", "đường Trần Quang Khải",
    "phố Lý Thường Kiệt", "phố Hàng Chiếu", NULL};

static const char *const tay_ho_wards[] = {
    "Phường Bưởi", "Phường Nhật Tân", "Phường Phú Thượng", "Phường Quảng An",
    "Phường Thụy Khuê", "Phường Tứ Liên", "Phường Xuân La", "Phường Yên Phụ", NULL};
static const char *const tay_ho_streets[] = {
    "đường Lạc Long Quân", "đường Âu Cơ", "phố Xuân Diệu", "đường Thụy Khuê",
    "đường An Dương Vương", "phố Võng Thị", "phố Tô Ngọc Vân", "đường Nghi Tàm", NULL};

static const char *const long_bien_wards[] = {
    "Phường Bồ Đề", "Phường Cự Khối", "Phường Đức Giang", "Phường Gia Thụy",
    "Phường Giang Biên", "Phường Long Biên", "Phường Ngọc Lâm", "Phường Ngọc Thụy",
    "Phường Phúc Đồng", "Phường Phúc Lợi", "Phường Sài Đồng", "Phường Thạch Bàn",
    "Phường Thượng Thanh", "Phường Việt Hưng", NULL};
static const char *const long_bien_streets[] = {
    "đường Nguyễn Văn Cừ", "phố Ngọc Lâm", "đường Ngô Gia Tự", "đường Nguyễn Văn Linh",
    "đường Cổ Linh", "phố Ngọc Thụy", "phố Thạch Bàn", "phố Sài Đồng", "phố Đức Giang",
    "phố Hồng Tiến", NULL};

static const char *const cau_giay_wards[] = {
    "Phường Dịch Vọng", "Phường Dịch Vọng Hậu", "Phường Mai Dịch", "Phường Nghĩa Đô",
    "Phường Nghĩa Tân", "Phường Quan Hoa", "Phường Trung Hòa", "Phường Yên Hòa", NULL};
static const char *const cau_giay_streets[] = {
    "đường Cầu Giấy", "đường Xuân Thủy", "đường Trần Duy Hưng", "đường Hoàng Quốc Việt",
    "phố Trần Thái Tông", "phố Nguyễn Khánh Toàn", "phố Trung Kính", "phố Hoa Bằng",
    "đường Nguyễn Phong Sắc", NULL};

static const char *const dong_da_wards[] = {
    "Phường Cát Linh", "Phường Hàng Bột", "Phường Khâm Thiên", "Phường Khương Thượng",
    "Phường Kim Liên", "Phường Láng Hạ", "Phường Láng Thượng", "Phường Nam Đồng",
    "Phường Ngã Tư Sở", "Phường Ô Chợ Dừa", "Phường Phương Liên", "Phường Phương Mai",
    "Phường Quang Trung", "Phường Quốc Tử Giám", "Phường Thịnh Quang", "Phường Thổ Quan",
    "Phường Trung Liệt", "Phường Trung Phụng", "Phường Trung Tự", "Phường Văn Chương",
    "Phường Văn Miếu", NULL};
static const char *const dong_da_streets[] = {
    "phố Khâm Thiên", "đường Tôn Đức Thắng", "đường Láng", "phố Tây Sơn", "phố Chùa Bộc",
    "phố Xã Đàn", "phố Nguyễn Lương Bằng", "phố Thái Hà", "phố Hào Nam", "phố Hoàng Cầu",
    "phố Đặng Văn Ngữ", NULL};

static const char *const hai_ba_trung_wards[] = {
    "Phường Bách Khoa", "Phường Bạch Đằng", "Phường Bạch Mai", "Phường Cầu Dền",
    "Phường Đống Mác", "Phường Đồng Nhân", "Phường Lê Đại Hành", "Phường Minh Khai",
    "Phường Nguyễn Du", "Phường Phạm Đình Hổ", "Phường Phố Huế", "Phường Quỳnh Lôi",
    "Phường Quỳnh Mai", "Phường Thanh Lương", "Phường Thanh Nhàn", "Phường Trương Định",
    "Phường Vĩnh Tuy", NULL};
static const char *const hai_ba_trung_streets[] = {
    "phố Bạch Mai", "phố Minh Khai", "phố Lò Đúc", "phố Trần Khát Chân", "phố Kim Ngưu",
    "đường Đại La", "phố Thanh Nhàn", "phố Hồng Mai", "phố Lạc Trung", "phố Huế",
    "phố Tạ Quang Bửu", NULL};

static const char *const hoang_mai_wards[] = {
    "Phường Đại Kim", "Phường Định Công", "Phường Giáp Bát", "Phường Hoàng Liệt",
    "Phường Hoàng Văn Thụ", "Phường Lĩnh Nam", "Phường Mai Động", "Phường Tân Mai",
    "Phường Thanh Trì", "Phường Thịnh Liệt", "Phường Trần Phú", "Phường Tương Mai",
    "Phường Vĩnh Hưng", "Phường Yên Sở", NULL};
static const char *const hoang_mai_streets[] = {
    "đường Giải Phóng", "phố Tam Trinh", "đường Lĩnh Nam", "đường Kim Giang",
    "phố Trương Định", "phố Định Công", "đường Nguyễn Hữu Thọ", "phố Tân Mai",
    "phố Bùi Huy Bích", "phố Yên Duyên", NULL};

static const char *const thanh_xuan_wards[] = {
    "Phường Hạ Đình", "Phường Khương Đình", "Phường Khương Mai", "Phường Khương Trung",
    "Phường Kim Giang", "Phường Nhân Chính", "Phường Phương Liệt", "Phường Thanh Xuân Bắc",
    "Phường Thanh Xuân Nam", "Phường Thanh Xuân Trung", "Phường Thượng Đình", NULL};
static const char *const thanh_xuan_streets[] = {
    "đường Nguyễn Trãi", "phố Khuất Duy Tiến", "đường Lê Văn Lương", "phố Vũ Trọng Phụng",
    "phố Nguyễn Tuân", "phố Khương Đình", "phố Nguyễn Ngọc Nại", "đường Trường Chinh",
    "phố Quan Nhân", NULL};

static const char *const soc_son_wards[] = {
    "Thị trấn Sóc Sơn", "Xã Bắc Phú", "Xã Bắc Sơn", "Xã Đông Xuân", "Xã Đức Hòa",
    "Xã Hiền Ninh", "Xã Hồng Kỳ", "Xã Kim Lũ", "Xã Mai Đình", "Xã Minh Phú", "Xã Minh Trí",
    "Xã Nam Sơn", "Xã Phù Linh", "Xã Phù Lỗ", "Xã Phú Cường", "Xã Phú Minh", "Xã Quang Tiến",
    "Xã Tân Dân", "Xã Tân Hưng", "Xã Tân Minh", "Xã Thanh Xuân", "Xã Tiên Dược",
    "Xã Trung Giã", "Xã Việt Long", "Xã Xuân Giang", "Xã Xuân Thu", NULL};

static const char *const dong_anh_wards[] = {
    "Thị trấn Đông Anh", "Xã Bắc Hồng", "Xã Cổ Loa", "Xã Dục Tú", "Xã Đại Mạch",
    "Xã Đông Hội", "Xã Hải Bối", "Xã Kim Chung", "Xã Kim Nỗ", "Xã Liên Hà", "Xã Mai Lâm",
    "Xã Nam Hồng", "Xã Nguyên Khê", "Xã Tàm Xá", "Xã Thụy Lâm", "Xã Tiên Dương", "Xã Uy Nỗ",
    "Xã Vân Hà", "Xã Vân Nội", "Xã Vĩnh Ngọc", "Xã Việt Hùng", "Xã Võng La", "Xã Xuân Canh",
    "Xã Xuân Nộn", NULL};

static const char *const gia_lam_wards[] = {
    "Thị trấn Trâu Quỳ", "Thị trấn Yên Viên", "Xã Bát Tràng", "Xã Cổ Bi", "Xã Đa Tốn",
    "Xã Đặng Xá", "Xã Đình Xuyên", "Xã Đông Dư", "Xã Dương Hà", "Xã Dương Quang",
    "Xã Dương Xá", "Xã Kiêu Kỵ", "Xã Kim Lan", "Xã Kim Sơn", "Xã Lệ Chi", "Xã Ninh Hiệp",
    "Xã Phù Đổng", "Xã Phú Thị", "Xã Trung Mầu", "Xã Văn Đức", "Xã Yên Thường", "Xã Yên Viên",
    NULL};

static const char *const nam_tu_liem_wards[] = {
    "Phường Cầu Diễn", "Phường Đại Mỗ", "Phường Mễ Trì", "Phường Mỹ Đình 1",
    "Phường Mỹ Đình 2", "Phường Phú Đô", "Phường Phương Canh", "Phường Tây Mỗ",
    "Phường Trung Văn", "Phường Xuân Phương", NULL};
static const char *const nam_tu_liem_streets[] = {
    "đường Hồ Tùng Mậu", "đường Lê Đức Thọ", "đường Mễ Trì", "phố Trần Hữu Dực",
    "phố Đại Mỗ", "phố Phương Canh", "đường Lê Quang Đạo", "phố Nguyễn Cơ Thạch",
    "đường Cương Kiên", NULL};

static const char *const thanh_tri_wards[] = {
    "Thị trấn Văn Điển", "Xã Đại Áng", "Xã Duyên Hà", "Xã Đông Mỹ", "Xã Hữu Hòa",
    "Xã Liên Ninh", "Xã Ngọc Hồi", "Xã Ngũ Hiệp", "Xã Tả Thanh Oai", "Xã Tam Hiệp",
    "Xã Tân Triều", "Xã Thanh Liệt", "Xã Tứ Hiệp", "Xã Vạn Phúc", "Xã Vĩnh Quỳnh", "Xã Yên Mỹ",
    NULL};

static const char *const bac_tu_liem_wards[] = {
    "Phường Cổ Nhuế 1", "Phường Cổ Nhuế 2", "Phường Đông Ngạc", "Phường Đức Thắng",
    "Phường Liên Mạc", "Phường Minh Khai", "Phường Phú Diễn", "Phường Phúc Diễn",
    "Phường Tây Tựu", "Phường Thượng Cát", "Phường Thụy Phương", "Phường Xuân Đỉnh",
    "Phường Xuân Tảo", NULL};
static const char *const bac_tu_liem_streets[] = {
    "đường Phạm Văn Đồng", "phố Cổ Nhuế", "phố Đức Thắng", "phố Văn Tiến Dũng",
    "phố Phú Diễn", "phố Thượng Cát", "đường Hoàng Tăng Bí", "phố Đông Ngạc", NULL};

static const char *const me_linh_wards[] = {
    "Thị trấn Chi Đông", "Thị trấn Quang Minh", "Xã Chu Phan", "Xã Đại Thịnh",
    "Xã Hoàng Kim", "Xã Kim Hoa", "Xã Liên Mạc", "Xã Mê Linh", "Xã Tam Đồng", "Xã Thạch Đà",
    "Xã Thanh Lâm", "Xã Tiền Phong", "Xã Tiến Thắng", "Xã Tiến Thịnh", "Xã Tráng Việt",
    "Xã Tự Lập", "Xã Vạn Yên", "Xã Văn Khê", NULL};

static const char *const ha_dong_wards[] = {
    "Phường Biên Giang", "Phường Dương Nội", "Phường Đồng Mai", "Phường Hà Cầu",
    "Phường Kiến Hưng", "Phường La Khê", "Phường Mộ Lao", "Phường Nguyễn Trãi",
    "Phường Phú La", "Phường Phú Lãm", "Phường Phú Lương", "Phường Phúc La",
    "Phường Quang Trung", "Phường Vạn Phúc", "Phường Văn Quán", "Phường Yên Nghĩa",
    "Phường Yết Kiêu", NULL};
static const char *const ha_dong_streets[] = {
    "đường Quang Trung", "phố Trần Phú", "đường Nguyễn Trãi", "đường Lê Trọng Tấn",
    "phố Tô Hiệu", "phố Bà Triệu", "phố Lê Lợi", "phố Vạn Phúc", "phố Ngô Thì Nhậm",
    "đường Tố Hữu", "phố Xa La", NULL};

static const char *const son_tay_wards[] = {
    "Phường Lê Lợi", "Phường Ngô Quyền", "Phường Phú Thịnh", "Phường Quang Trung",
    "Phường Sơn Lộc", "Phường Trung Hưng", "Phường Trung Sơn Trầm", "Phường Viên Sơn",
    "Phường Xuân Khanh", "Xã Cổ Đông", "Xã Đường Lâm", "Xã Kim Sơn", "Xã Sơn Đông",
    "Xã Thanh Mỹ", "Xã Xuân Sơn", NULL};
static const char *const son_tay_streets[] = {
    "phố Lê Lợi", "phố Phùng Khắc Khoan", "phố Quang Trung", "phố Phó Đức Chính",
    "đường Chùa Thông", "phố Ngô Quyền", "phố Tùng Thiện", "phố Lê Lai", NULL};

static const char *const ba_vi_wards[] = {
    "Thị trấn Tây Đằng", "Xã Ba Trại", "Xã Ba Vì", "Xã Cẩm Lĩnh", "Xã Cam Thượng",
    "Xã Châu Sơn", "Xã Chu Minh", "Xã Cổ Đô", "Xã Đông Quang", "Xã Đồng Thái",
    "Xã Khánh Thượng", "Xã Minh Châu", "Xã Minh Quang", "Xã Phong Vân", "Xã Phú Châu",
    "Xã Phú Cường", "Xã Phú Đông", "Xã Phú Phương", "Xã Phú Sơn", "Xã Sơn Đà", "Xã Tản Hồng",
    "Xã Tản Lĩnh", "Xã Thái Hòa", "Xã Thuần Mỹ", "Xã Thụy An", "Xã Tiên Phong", "Xã Tòng Bạt",
    "Xã Vân Hòa", "Xã Vạn Thắng", "Xã Vật Lại", "Xã Yên Bài", NULL};

static const char *const phuc_tho_wards[] = {
    "Thị trấn Phúc Thọ", "Xã Hát Môn", "Xã Hiệp Thuận", "Xã Liên Hiệp", "Xã Long Xuyên",
    "Xã Ngọc Tảo", "Xã Phúc Hòa", "Xã Phụng Thượng", "Xã Sen Phương", "Xã Tam Hiệp",
    "Xã Tam Thuấn", "Xã Thanh Đa", "Xã Thọ Lộc", "Xã Thượng Cốc", "Xã Tích Giang",
    "Xã Trạch Mỹ Lộc", "Xã Vân Hà", "Xã Vân Nam", "Xã Vân Phúc", "Xã Võng Xuyên",
    "Xã Xuân Đình", NULL};

static const char *const dan_phuong_wards[] = {
    "Thị trấn Phùng", "Xã Đan Phượng", "Xã Đồng Tháp", "Xã Hạ Mỗ", "Xã Hồng Hà",
    "Xã Liên Hà", "Xã Liên Hồng", "Xã Liên Trung", "Xã Phương Đình", "Xã Song Phượng",
    "Xã Tân Hội", "Xã Tân Lập", "Xã Thọ An", "Xã Thọ Xuân", "Xã Thượng Mỗ", "Xã Trung Châu",
    NULL};

static const char *const hoai_duc_wards[] = {
    "Thị trấn Trạm Trôi", "Xã An Khánh", "Xã An Thượng", "Xã Cát Quế", "Xã Đắc Sở",
    "Xã Di Trạch", "Xã Đông La", "Xã Đức Giang", "Xã Đức Thượng", "Xã Dương Liễu",
    "Xã Kim Chung", "Xã La Phù", "Xã Lại Yên", "Xã Minh Khai", "Xã Sơn Đồng",
    "Xã Song Phương", "Xã Tiền Yên", "Xã Vân Canh", "Xã Vân Côn", "Xã Yên Sở", NULL};

static const char *const quoc_oai_wards[] = {
    "Thị trấn Quốc Oai", "Xã Cấn Hữu", "Xã Cộng Hòa", "Xã Đại Thành", "Xã Đồng Quang",
    "Xã Đông Xuân", "Xã Đông Yên", "Xã Hòa Thạch", "Xã Liệp Tuyết", "Xã Nghĩa Hương",
    "Xã Ngọc Liệp", "Xã Ngọc Mỹ", "Xã Phú Cát", "Xã Phú Mãn", "Xã Phượng Cách", "Xã Sài Sơn",
    "Xã Tân Hòa", "Xã Tân Phú", "Xã Thạch Thán", "Xã Tuyết Nghĩa", "Xã Yên Sơn", NULL};

static const char *const thach_that_wards[] = {
    "Thị trấn Liên Quan", "Xã Bình Phú", "Xã Bình Yên", "Xã Cẩm Yên", "Xã Cần Kiệm",
    "Xã Canh Nậu", "Xã Chàng Sơn", "Xã Đại Đồng", "Xã Dị Nậu", "Xã Đồng Trúc", "Xã Hạ Bằng",
    "Xã Hương Ngải", "Xã Hữu Bằng", "Xã Kim Quan", "Xã Lại Thượng", "Xã Phú Kim",
    "Xã Phùng Xá", "Xã Tân Xã", "Xã Thạch Hòa", "Xã Thạch Xá", "Xã Tiến Xuân", "Xã Yên Bình",
    "Xã Yên Trung", NULL};

static const char *const chuong_my_wards[] = {
    "Thị trấn Chúc Sơn", "Thị trấn Xuân Mai", "Xã Đại Yên", "Xã Đông Phương Yên",
    "Xã Đông Sơn", "Xã Đồng Lạc", "Xã Đồng Phú", "Xã Hòa Chính", "Xã Hoàng Diệu",
    "Xã Hoàng Văn Thụ", "Xã Hồng Phong", "Xã Hợp Đồng", "Xã Hữu Văn", "Xã Lam Điền",
    "Xã Mỹ Lương", "Xã Nam Phương Tiến", "Xã Ngọc Hòa", "Xã Phú Nam An", "Xã Phú Nghĩa",
    "Xã Phụng Châu", "Xã Quảng Bị", "Xã Tân Tiến", "Xã Thanh Bình", "Xã Thượng Vực",
    "Xã Thủy Xuân Tiên", "Xã Thụy Hương", "Xã Tiên Phương", "Xã Tốt Động", "Xã Trần Phú",
    "Xã Trung Hòa", "Xã Trường Yên", "Xã Văn Võ", NULL};

static const char *const thanh_oai_wards[] = {
    "Thị trấn Kim Bài", "Xã Bích Hòa", "Xã Bình Minh", "Xã Cao Dương", "Xã Cao Viên",
    "Xã Cự Khê", "Xã Dân Hòa", "Xã Đỗ Động", "Xã Hồng Dương", "Xã Kim An", "Xã Kim Thư",
    "Xã Liên Châu", "Xã Mỹ Hưng", "Xã Phương Trung", "Xã Tam Hưng", "Xã Tân Ước",
    "Xã Thanh Cao", "Xã Thanh Mai", "Xã Thanh Thùy", "Xã Thanh Văn", "Xã Xuân Dương", NULL};

static const char *const thuong_tin_wards[] = {
    "Thị trấn Thường Tín", "Xã Chương Dương", "Xã Dũng Tiến", "Xã Duyên Thái", "Xã Hà Hồi",
    "Xã Hiền Giang", "Xã Hòa Bình", "Xã Hồng Vân", "Xã Khánh Hà", "Xã Lê Lợi",
    "Xã Liên Phương", "Xã Minh Cường", "Xã Nghiêm Xuyên", "Xã Nguyễn Trãi", "Xã Nhị Khê",
    "Xã Ninh Sở", "Xã Quất Động", "Xã Tân Minh", "Xã Thắng Lợi", "Xã Thống Nhất",
    "Xã Thư Phú", "Xã Tiền Phong", "Xã Tô Hiệu", "Xã Tự Nhiên", "Xã Vạn Điểm", "Xã Văn Bình",
    "Xã Văn Phú", "Xã Văn Tự", "Xã Vân Tảo", NULL};

static const char *const phu_xuyen_wards[] = {
    "Thị trấn Phú Xuyên", "Thị trấn Phú Minh", "Xã Bạch Hạ", "Xã Châu Can", "Xã Chuyên Mỹ",
    "Xã Đại Thắng", "Xã Đại Xuyên", "Xã Hoàng Long", "Xã Hồng Minh", "Xã Hồng Thái",
    "Xã Khai Thái", "Xã Minh Tân", "Xã Nam Phong", "Xã Nam Tiến", "Xã Nam Triều",
    "Xã Phú Túc", "Xã Phú Yên", "Xã Phúc Tiến", "Xã Phượng Dực", "Xã Quang Lãng",
    "Xã Quang Trung", "Xã Sơn Hà", "Xã Tân Dân", "Xã Tri Thủy", "Xã Tri Trung",
    "Xã Văn Hoàng", "Xã Vân Từ", NULL};

static const char *const ung_hoa_wards[] = {
    "Thị trấn Vân Đình", "Xã Cao Thành", "Xã Đại Cường", "Xã Đại Hùng", "Xã Đội Bình",
    "Xã Đông Lỗ", "Xã Đồng Tiến", "Xã Hòa Lâm", "Xã Hòa Nam", "Xã Hòa Phú", "Xã Hoa Sơn",
    "Xã Hòa Xá", "Xã Hồng Quang", "Xã Kim Đường", "Xã Liên Bạt", "Xã Lưu Hoàng",
    "Xã Minh Đức", "Xã Phù Lưu", "Xã Phương Tú", "Xã Quảng Phú Cầu", "Xã Sơn Công",
    "Xã Tảo Dương Văn", "Xã Trầm Lộng", "Xã Trung Tú", "Xã Trường Thịnh", "Xã Vạn Thái",
    "Xã Viên An", "Xã Viên Nội", NULL};

static const char *const my_duc_wards[] = {
    "Thị trấn Đại Nghĩa", "Xã An Mỹ", "Xã An Phú", "Xã An Tiến", "Xã Bột Xuyên",
    "Xã Đại Hưng", "Xã Đốc Tín", "Xã Hồng Sơn", "Xã Hợp Thanh", "Xã Hợp Tiến",
    "Xã Hùng Tiến", "Xã Hương Sơn", "Xã Lê Thanh", "Xã Mỹ Thành", "Xã Phù Lưu Tế",
    "Xã Phúc Lâm", "Xã Phùng Xá", "Xã Thượng Lâm", "Xã Tuy Lai", "Xã Vạn Kim", "Xã Xuy Xá",
    NULL};

/* Weights: industry, construction, trade, transport, other, agriculture, credit. */
const demo_district_places demo_districts[] = {
    {"001", ba_dinh_wards, ba_dinh_streets, {2, 1, 12, 8, 2, 0, 0}},
    {"002", hoan_kiem_wards, hoan_kiem_streets, {2, 1, 14, 6, 2, 0, 0}},
    {"003", tay_ho_wards, tay_ho_streets, {2, 1, 8, 5, 2, 1, 0}},
    {"004", long_bien_wards, long_bien_streets, {6, 1, 12, 10, 2, 1, 0}},
    {"005", cau_giay_wards, cau_giay_streets, {2, 1, 11, 8, 2, 0, 0}},
    {"006", dong_da_wards, dong_da_streets, {3, 1, 14, 9, 2, 0, 0}},
    {"007", hai_ba_trung_wards, hai_ba_trung_streets, {3, 1, 13, 9, 2, 0, 0}},
    {"008", hoang_mai_wards, hoang_mai_streets, {5, 1, 12, 10, 2, 0, 0}},
    {"009", thanh_xuan_wards, thanh_xuan_streets, {3, 1, 10, 8, 2, 0, 0}},
    {"016", soc_son_wards, NULL, {8, 1, 8, 8, 2, 3, 1}},
    {"017", dong_anh_wards, NULL, {10, 1, 10, 9, 2, 3, 1}},
    {"018", gia_lam_wards, NULL, {18, 1, 10, 8, 2, 3, 1}},
    {"019", nam_tu_liem_wards, nam_tu_liem_streets, {4, 1, 9, 8, 2, 0, 0}},
    {"020", thanh_tri_wards, NULL, {8, 1, 8, 8, 2, 1, 1}},
    {"021", bac_tu_liem_wards, bac_tu_liem_streets, {5, 1, 9, 8, 2, 2, 0}},
    {"250", me_linh_wards, NULL, {8, 1, 6, 6, 2, 3, 1}},
    {"268", ha_dong_wards, ha_dong_streets, {10, 1, 12, 10, 2, 0, 0}},
    {"269", son_tay_wards, son_tay_streets, {6, 1, 8, 7, 2, 1, 1}},
    {"271", ba_vi_wards, NULL, {6, 1, 5, 5, 2, 3, 1}},
    {"272", phuc_tho_wards, NULL, {8, 1, 5, 4, 2, 2, 1}},
    {"273", dan_phuong_wards, NULL, {8, 1, 5, 4, 2, 2, 1}},
    {"274", hoai_duc_wards, NULL, {16, 1, 6, 5, 2, 2, 1}},
    {"275", quoc_oai_wards, NULL, {14, 1, 5, 4, 2, 2, 1}},
    {"276", thach_that_wards, NULL, {14, 1, 5, 4, 2, 2, 1}},
    {"277", chuong_my_wards, NULL, {22, 1, 6, 6, 2, 3, 1}},
    {"278", thanh_oai_wards, NULL, {16, 1, 5, 5, 2, 2, 1}},
    {"279", thuong_tin_wards, NULL, {22, 1, 6, 5, 2, 2, 1}},
    {"280", phu_xuyen_wards, NULL, {20, 1, 5, 5, 2, 2, 1}},
    {"281", ung_hoa_wards, NULL, {16, 1, 5, 5, 2, 3, 1}},
    {"282", my_duc_wards, NULL, {8, 1, 5, 4, 2, 3, 1}},
};
const size_t demo_district_count = sizeof demo_districts / sizeof demo_districts[0];

/*
 * Activities.  The craft villages of the suburban districts (Bát Tràng
 * ceramics, Vạn Phúc silk, Chuyên Mỹ mother-of-pearl, Nhị Khê turnery, Sơn
 * Đồng statues, Phú Vinh rattan, Quảng Phú Cầu incense sticks …) weigh more
 * than the generic trades so that their districts look like themselves.
 * "mây tre" never appears in a generated name: one fixed cooperative owns it.
 */
#define I DEMO_INDUSTRY
#define C DEMO_CONSTRUCTION
#define T DEMO_TRADE
#define V DEMO_TRANSPORT
#define O DEMO_OTHER
#define A DEMO_AGRICULTURE
#define ANY DEMO_ANYWHERE
#define CITY DEMO_INNER_CITY
#define RURAL DEMO_COUNTRYSIDE

const demo_activity demo_activities[] = {
    /* Industry and handicrafts, anywhere. */
    {I, "may mặc", "quần áo may sẵn, đồng phục bảo hộ lao động", NULL, NULL, 8, ANY, false},
    {I, "may xuất khẩu", "hàng may mặc xuất khẩu", NULL, NULL, 3, ANY, false},
    {I, "cơ khí", "cơ khí dân dụng, cửa sắt, khung nhà thép", NULL, NULL, 6, ANY, false},
    {I, "cơ khí xây dựng", "kết cấu thép, cơ khí xây dựng", NULL, NULL, 3, ANY, false},
    {I, "mộc dân dụng", "đồ gỗ dân dụng, nội thất gia đình", NULL, NULL, 5, ANY, false},
    {I, "chế biến thực phẩm", "bánh kẹo, thực phẩm chế biến", NULL, NULL, 4, ANY, false},
    {I, "tiểu thủ công nghiệp", "hàng tiểu thủ công nghiệp", NULL, NULL, 6, ANY, false},
    {I, "thủ công mỹ nghệ", "hàng thủ công mỹ nghệ", NULL, NULL, 4, ANY, false},
    {I, "sản xuất kinh doanh tổng hợp", "sản xuất và kinh doanh hàng tiểu thủ công nghiệp", NULL,
     NULL, 4, ANY, false},
    {I, "in bao bì", "in ấn, bao bì giấy", NULL, NULL, 2, ANY, false},
    {I, "điện cơ", "sửa chữa, quấn động cơ điện", NULL, NULL, 2, ANY, false},
    {I, "thêu ren", "tranh thêu, khăn trải bàn thêu", NULL, NULL, 2, ANY, false},
    {I, "dệt may", "vải dệt, khăn mặt", NULL, NULL, 2, ANY, false},
    {I, "da giày", "giày dép, túi xách da", NULL, NULL, 2, ANY, false},
    {I, "điện tử", "lắp ráp, sửa chữa thiết bị điện tử", NULL, NULL, 1, CITY, false},
    {I, "chế biến nông sản", "chế biến, sấy khô nông sản", NULL, NULL, 4, RURAL, false},
    {I, "sản xuất vật liệu xây dựng", "gạch không nung, vật liệu xây dựng", NULL, NULL, 3, RURAL,
     false},
    {I, "đồ gỗ mỹ nghệ", "đồ gỗ mỹ nghệ, tượng gỗ", NULL, NULL, 3, RURAL, false},
    {I, "chế biến gỗ", "gỗ xẻ, ván ép", NULL, NULL, 2, RURAL, false},
    /* Plastics: the members of the plastics club come from these. */
    {I, "sản xuất nhựa", "sản phẩm nhựa gia dụng", NULL, NULL, 4, ANY, true},
    {I, "nhựa", "đồ nhựa gia dụng, ống nhựa", NULL, NULL, 3, ANY, true},
    {I, "tái chế nhựa", "hạt nhựa tái chế", NULL, NULL, 3, RURAL, true},
    {I, "bao bì nhựa", "túi ni lông, bao bì nhựa", NULL, NULL, 3, ANY, true},
    {I, "nhựa và bao bì", "bao bì nhựa, màng PE", NULL, NULL, 2, ANY, true},
    {I, "sản xuất đồ nhựa", "đồ nhựa gia dụng, đồ chơi nhựa", NULL, NULL, 2, ANY, true},
    {I, "cơ khí nhựa", "khuôn mẫu, linh kiện nhựa kỹ thuật", NULL, NULL, 2, ANY, true},
    {I, "tái chế nhựa", "hạt nhựa tái chế, nhựa phế liệu", "020", "Xã Tân Triều", 10, ANY, true},
    /* Craft villages. */
    {I, "gốm sứ", "gốm sứ mỹ nghệ, gốm sứ gia dụng", "018", "Xã Bát Tràng", 12, ANY, false},
    {I, "gốm", "gốm mỹ nghệ, gốm men rạn", "018", "Xã Kim Lan", 4, ANY, false},
    {I, "chế biến dược liệu", "thuốc bắc, dược liệu sơ chế", "018", "Xã Ninh Hiệp", 3, ANY, false},
    {I, "dệt lụa", "lụa tơ tằm, khăn lụa", "268", "Phường Vạn Phúc", 10, ANY, false},
    {I, "rèn", "dao kéo, nông cụ cầm tay", "268", "Phường Kiến Hưng", 4, ANY, false},
    {I, "dệt the", "vải the, hàng dệt", "268", "Phường La Khê", 3, ANY, false},
    {I, "điêu khắc tượng gỗ", "tượng gỗ, đồ thờ sơn son thếp vàng", "274", "Xã Sơn Đồng", 8, ANY,
     false},
    {I, "dệt kim", "hàng dệt kim, áo len", "274", "Xã La Phù", 6, ANY, false},
    {I, "bánh kẹo", "bánh kẹo các loại", "274", "Xã La Phù", 3, ANY, false},
    {I, "chế biến tinh bột", "miến dong, tinh bột sắn, mạch nha", "274", "Xã Dương Liễu", 6, ANY,
     false},
    {I, "tiện gỗ", "đồ tiện gỗ mỹ nghệ", "279", "Xã Nhị Khê", 6, ANY, false},
    {I, "sơn mài", "tranh sơn mài, đồ sơn mài mỹ nghệ", "279", "Xã Duyên Thái", 7, ANY, false},
    {I, "thêu xuất khẩu", "tranh thêu, hàng thêu xuất khẩu", "279", "Xã Quất Động", 5, ANY, false},
    {I, "đồ gỗ nội thất", "đồ gỗ nội thất, đồ gỗ mỹ nghệ", "279", "Xã Vạn Điểm", 5, ANY, false},
    {I, "mỹ nghệ sừng", "lược sừng, đồ mỹ nghệ sừng", "279", "Xã Hòa Bình", 3, ANY, false},
    {I, "khảm trai", "đồ khảm trai, tranh khảm xà cừ", "280", "Xã Chuyên Mỹ", 10, ANY, false},
    {I, "sơn khảm", "đồ sơn khảm, tranh sơn mài khảm trai", "280", "Xã Chuyên Mỹ", 3, ANY, false},
    {I, "đan cói", "thảm cói, hàng cói xuất khẩu", "280", "Xã Phú Túc", 6, ANY, false},
    {I, "may", "quần áo may sẵn", "280", "Xã Vân Từ", 4, ANY, false},
    {I, "đan lát", "hàng song mây, giang đan xuất khẩu", "277", "Xã Phú Nghĩa", 6, ANY, false},
    {I, "song mây", "bàn ghế song mây, hàng đan xuất khẩu", "277", "Xã Trường Yên", 4, ANY, false},
    {I, "mộc mỹ nghệ", "đồ gỗ mỹ nghệ, nội thất", "277", NULL, 4, ANY, false},
    {I, "nón lá", "nón lá, nón bài thơ", "278", "Xã Phương Trung", 6, ANY, false},
    {I, "giò chả", "giò chả, thực phẩm chế biến", "278", "Xã Tân Ước", 4, ANY, false},
    {I, "chế biến miến", "miến dong, tương", "278", "Xã Cự Khê", 4, ANY, false},
    {I, "cơ khí", "cơ khí chế tạo, cơ khí dân dụng", "278", "Xã Thanh Thùy", 4, ANY, false},
    {I, "cơ khí chế tạo", "cơ khí chế tạo, đúc gang", "276", "Xã Phùng Xá", 8, ANY, false},
    {I, "quạt giấy", "quạt giấy, quạt nan", "276", "Xã Chàng Sơn", 4, ANY, false},
    {I, "mộc", "đồ gỗ nội thất", "276", "Xã Hữu Bằng", 6, ANY, false},
    {I, "đồ gỗ", "đồ gỗ nội thất, cửa gỗ", "276", "Xã Dị Nậu", 3, ANY, false},
    {I, "mộc", "đồ gỗ mỹ nghệ, nội thất", "275", "Xã Liệp Tuyết", 6, ANY, false},
    {I, "đồ gỗ", "đồ gỗ dân dụng", "275", "Xã Cấn Hữu", 3, ANY, false},
    {I, "chế biến thực phẩm", "bánh chưng, bánh giầy", "275", "Xã Phú Cát", 2, ANY, false},
    {I, "tăm hương", "tăm hương, hương thắp", "281", "Xã Quảng Phú Cầu", 6, ANY, false},
    {I, "làm hương", "hương thắp, hương trầm", "281", "Xã Quảng Phú Cầu", 3, ANY, false},
    {I, "may", "quần áo may sẵn", "281", "Xã Hòa Lâm", 3, ANY, false},
    {I, "đồ gỗ mỹ nghệ", "đồ gỗ mỹ nghệ, bàn ghế giả cổ", "017", "Xã Liên Hà", 6, ANY, false},
    {I, "mộc", "đồ gỗ dân dụng", "017", "Xã Vân Hà", 3, ANY, false},
    {I, "bánh cuốn", "bánh cuốn, bánh đúc", "008", "Phường Thanh Trì", 3, ANY, false},
    {I, "kim hoàn", "trang sức bạc, vàng", "002", "Phường Hàng Bạc", 3, ANY, false},
    {I, "chế biến tương", "tương, kẹo lạc", "269", "Xã Đường Lâm", 3, ANY, false},
    {I, "kẹo lạc", "kẹo lạc, chè lam", "269", "Xã Đường Lâm", 2, ANY, false},
    {I, "chế biến sữa", "sữa tươi, sữa chua, bánh sữa", "271", "Xã Tản Lĩnh", 4, ANY, false},
    {I, "thuốc nam", "thuốc nam, dược liệu", "271", "Xã Ba Vì", 3, ANY, false},

    /* Construction. */
    {C, "xây dựng", "xây dựng dân dụng và công nghiệp", NULL, NULL, 8, ANY, false},
    {C, "xây dựng dân dụng", "xây dựng, sửa chữa nhà ở", NULL, NULL, 4, ANY, false},
    {C, "xây lắp điện", "xây lắp đường dây và trạm điện", NULL, NULL, 2, ANY, false},
    {C, "xây dựng và thương mại", "xây dựng, kinh doanh vật liệu xây dựng", NULL, NULL, 3, ANY,
     false},
    {C, "xây dựng công trình", "xây dựng công trình giao thông, thủy lợi", NULL, NULL, 2, RURAL,
     false},
    {C, "trang trí nội thất", "thi công nội thất", NULL, NULL, 1, CITY, false},

    /* Trade and services. */
    {T, "thương mại dịch vụ", "kinh doanh hàng tiêu dùng, dịch vụ thương mại", NULL, NULL, 10, ANY,
     false},
    {T, "dịch vụ thương mại", "dịch vụ thương mại tổng hợp", NULL, NULL, 6, ANY, false},
    {T, "thương mại", "bán buôn, bán lẻ hàng tiêu dùng", NULL, NULL, 5, ANY, false},
    {T, "dịch vụ chợ", "quản lý, khai thác chợ dân sinh", NULL, NULL, 5, ANY, false},
    {T, "kinh doanh tổng hợp", "kinh doanh tổng hợp", NULL, NULL, 4, ANY, false},
    {T, "dịch vụ tổng hợp", "dịch vụ tổng hợp", NULL, NULL, 5, ANY, false},
    {T, "thương mại và dịch vụ", "thương mại, dịch vụ", NULL, NULL, 3, ANY, false},
    {T, "dịch vụ điện năng", "kinh doanh điện năng nông thôn", NULL, NULL, 3, RURAL, false},
    {T, "dịch vụ ăn uống", "nhà hàng, dịch vụ ăn uống", NULL, NULL, 2, CITY, false},
    {T, "dịch vụ du lịch", "dịch vụ du lịch, hướng dẫn tham quan", NULL, NULL, 1, ANY, false},
    {T, "kinh doanh nông sản an toàn", "rau quả an toàn, nông sản sạch", NULL, NULL, 3, ANY, false},
    {T, "dịch vụ sửa chữa", "sửa chữa đồ điện, điện tử gia dụng", NULL, NULL, 1, CITY, false},
    {T, "kinh doanh vật tư nông nghiệp", "vật tư nông nghiệp, phân bón", NULL, NULL, 2, RURAL,
     false},
    {T, "mua bán", "bán lẻ hàng tạp hóa", NULL, NULL, 2, ANY, false},
    {T, "dịch vụ du lịch", "đò chở khách tham quan chùa Hương", "282", "Xã Hương Sơn", 6, ANY, false},
    {T, "du lịch", "dịch vụ du lịch làng cổ", "269", "Xã Đường Lâm", 3, ANY, false},
    {T, "kinh doanh vải", "vải vóc, hàng may mặc", "018", "Xã Ninh Hiệp", 4, ANY, false},
    {T, "dịch vụ chợ", "kinh doanh tại chợ Đồng Xuân", "002", "Phường Đồng Xuân", 3, ANY, false},
    {T, "dịch vụ du lịch", "du lịch sinh thái, nghỉ dưỡng", "271", "Xã Tản Lĩnh", 2, ANY, false},
    {T, "kinh doanh gốm sứ", "bán buôn, bán lẻ gốm sứ", "018", "Xã Bát Tràng", 2, ANY, false},

    /* Transport. */
    {V, "vận tải", "vận tải hàng hóa, hành khách", NULL, NULL, 8, ANY, false},
    {V, "dịch vụ vận tải", "dịch vụ vận tải hàng hóa, hành khách", NULL, NULL, 8, ANY, false},
    {V, "vận tải ô tô", "vận tải hàng hóa bằng ô tô", NULL, NULL, 5, ANY, false},
    {V, "vận tải hành khách", "vận tải hành khách theo tuyến cố định", NULL, NULL, 5, ANY, false},
    {V, "vận tải taxi", "vận tải hành khách bằng taxi", NULL, NULL, 4, ANY, false},
    {V, "vận tải hàng hóa", "vận tải hàng hóa, vật liệu xây dựng", NULL, NULL, 4, ANY, false},
    {V, "xe khách", "vận tải hành khách liên tỉnh", NULL, NULL, 2, ANY, false},
    {V, "vận tải du lịch", "xe du lịch theo hợp đồng", NULL, NULL, 2, ANY, false},
    {V, "vận tải thủy", "vận tải đường thủy nội địa, cát sỏi", NULL, NULL, 2, RURAL, false},
    {V, "xe buýt", "vận tải hành khách bằng xe buýt", NULL, NULL, 1, ANY, false},
    {V, "cơ giới vận tải", "vận tải, san lấp mặt bằng", NULL, NULL, 2, ANY, false},
    {V, "vận tải và thương mại", "vận tải hàng hóa, kinh doanh vật liệu", NULL, NULL, 2, ANY,
     false},

    /* Other non-agricultural services. */
    {O, "vệ sinh môi trường", "thu gom, vận chuyển rác thải sinh hoạt", NULL, NULL, 8, ANY, false},
    {O, "dịch vụ môi trường", "thu gom rác, vệ sinh đường phố", NULL, NULL, 5, ANY, false},
    {O, "dịch vụ trông giữ xe", "trông giữ xe ô tô, xe máy", NULL, NULL, 3, CITY, false},
    {O, "dịch vụ nhà ở", "quản lý vận hành nhà chung cư", NULL, NULL, 2, CITY, false},
    {O, "dịch vụ nước sạch", "cung cấp nước sạch sinh hoạt", NULL, NULL, 3, RURAL, false},
    {O, "dịch vụ cây xanh", "trồng, chăm sóc cây xanh đô thị", NULL, NULL, 2, ANY, false},
    {O, "dịch vụ việc làm", "giới thiệu việc làm, dạy nghề", NULL, NULL, 1, ANY, false},
    {O, "vệ sinh công nghiệp", "vệ sinh công nghiệp, tòa nhà", NULL, NULL, 1, CITY, false},

    /* Agriculture. */
    {A, "nông nghiệp", "dịch vụ thủy lợi, giống, vật tư nông nghiệp", NULL, NULL, 10, ANY, false},
    {A, "dịch vụ nông nghiệp", "dịch vụ làm đất, thủy lợi, bảo vệ thực vật", NULL, NULL, 8, ANY,
     false},
    {A, "sản xuất kinh doanh dịch vụ nông nghiệp", "dịch vụ nông nghiệp, tiêu thụ nông sản", NULL,
     NULL, 4, ANY, false},
    {A, "rau an toàn", "rau an toàn theo VietGAP", NULL, NULL, 3, ANY, false},
    {A, "rau an toàn", "rau an toàn, rau hữu cơ", "018", "Xã Văn Đức", 4, ANY, false},
    {A, "trồng hoa", "hoa tươi, cây cảnh", "021", "Phường Tây Tựu", 4, ANY, false},
    {A, "trồng hoa", "hoa hồng, hoa ly", "250", "Xã Mê Linh", 4, ANY, false},
    {A, "đào cảnh", "đào cảnh, quất cảnh", "003", "Phường Nhật Tân", 4, ANY, false},
    {A, "chăn nuôi bò sữa", "sữa bò tươi", "271", "Xã Vân Hòa", 4, ANY, false},
    {A, "chăn nuôi bò sữa", "sữa bò tươi", "018", "Xã Phù Đổng", 3, ANY, false},
    {A, "chè", "chè búp khô", "271", "Xã Ba Trại", 2, ANY, false},
    {A, "nuôi trồng thủy sản", "cá thương phẩm", NULL, NULL, 2, RURAL, false},
    {A, "cây ăn quả", "bưởi, cam, nhãn", NULL, NULL, 2, RURAL, false},
    {A, "trồng nấm", "nấm sò, nấm rơm", NULL, NULL, 1, RURAL, false},
    {A, "chăn nuôi", "lợn thịt, gà thả vườn", NULL, NULL, 2, RURAL, false},
};
const size_t demo_activity_count = sizeof demo_activities / sizeof demo_activities[0];

#undef I
#undef C
#undef T
#undef V
#undef O
#undef A
#undef ANY
#undef CITY
#undef RURAL

const char *const demo_motto_names[] = {
    "Thành Công", "Đoàn Kết", "Thắng Lợi", "Tiến Bộ", "Quyết Tiến", "Hưng Thịnh", "Phú Lợi",
    "Thăng Long", "Hồng Hà", "Bình Minh", "Toàn Thắng", "Ánh Dương", "Hòa Bình", "Thống Nhất",
    "Tương Lai", "Sao Mai", "Hoa Sen", "Phương Đông", "Hợp Lực", "Hợp Nhất", "Thành Đạt",
    "An Phát", "Phát Đạt", "Tân Tiến", "Đông Đô", "Tràng An", "Sông Hồng", "Ước Mơ", "Lạc Hồng",
    "Sông Đà", "Tản Viên", "Hồng Phúc", "Phú Gia", "Tân Phát", "Hưng Long", "An Khang",
    "Tiến Đạt", "Hợp Thành", "Việt Tiến", "Thủ Đô", "Đồng Lòng", "Ấm No", "Vững Bền",
    "Hữu Nghị", "Kiến Thiết", NULL};

const char *const demo_hamlets[] = {
    "thôn Đông", "thôn Đoài", "thôn Thượng", "thôn Trung", "thôn Hạ", "thôn Nam", "thôn Bắc",
    "thôn Chùa", "thôn Mới", "thôn Cầu", "thôn Đình", "thôn Ngoài", "thôn Trong", "xóm Mới",
    "xóm Chợ", "xóm Đồng", NULL};

/* Roughly as common as they are in the north: a third of people are Nguyễn. */
const demo_weighted_word demo_surnames[] = {
    {"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9}, {"Phạm", 7}, {"Hoàng", 5}, {"Vũ", 4},
    {"Phan", 3},    {"Đặng", 3},  {"Bùi", 3}, {"Đỗ", 3},   {"Ngô", 2},    {"Dương", 2},
    {"Đinh", 2},    {"Lương", 1}, {"Hồ", 1},  {"Trịnh", 2}, {"Đào", 2},    {"Lưu", 1},
    {"Tạ", 1},      {"Kiều", 1},  {"Ứng", 1}, {"Ông", 1},  {"Khuất", 1},  {"Nghiêm", 1},
    {"Chu", 1},     {"Đàm", 1},   {"Âu", 1},  {"Hà", 1},   {"Mạc", 1},
};
const size_t demo_surname_count = sizeof demo_surnames / sizeof demo_surnames[0];

const char *const demo_male_middle_names[] = {
    "Văn", "Văn", "Văn", "Đức", "Hữu", "Quang", "Minh", "Xuân", "Ngọc", "Công", "Trọng",
    "Thanh", "Đình", "Mạnh", "Quốc", "Bá", "Tiến", "Đăng", NULL};
const char *const demo_female_middle_names[] = {
    "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Kim", "Phương", "Thúy",
    "Bích", "Diệu", NULL};
const char *const demo_male_given_names[] = {
    "Hùng", "Dũng", "Cường", "Tuấn", "Thắng", "Hải", "Sơn", "Long", "Quân", "Trường", "Ước",
    "Ứng", "Ổn", "Ẩn", "Ấn", "Ánh", "Đạt", "Đông", "Đức", "Khải", "Lực", "Lượng", "Phương",
    "Thượng", "Bằng", "Hưng", "Thịnh", "Ngữ", "Mừng", "Tường", "Nhượng", "Khoa", "Toàn",
    "Chiến", "Nghĩa", "Quyết", "Tiến", "Hoàn", "Lâm", "Thành", "Kiên", "Phúc", "Vượng", "Ơn",
    "Ân", "Bảo", "Hiển", "Luận", "Thuận", "Vĩnh", "Yên", NULL};
const char *const demo_female_given_names[] = {
    "Hương", "Lan", "Mai", "Hằng", "Ánh", "Ỷ", "Ý", "Thủy", "Nga", "Hạnh", "Yến", "Oanh",
    "Ngân", "Ước", "Ơn", "Ẩn", "Loan", "Huyền", "Phượng", "Trang", "Nhung", "Liên", "Thơ",
    "Gấm", "Nguyệt", "Xuân", "Hiền", "Dung", "Quyên", "Thắm", "Ngọc", "Vân", "Lụa", NULL};

const char *const demo_mobile_prefixes[] = {
    "090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "083", "084", "085",
    "081", "082", "070", "076", "077", "078", "079", "032", "033", "034", "035", "036", "037",
    "038", "039", "056", "058", "059", NULL};

const char *const demo_remarks[] = {
    "Đạt danh hiệu HTX tiêu biểu năm 2019.",
    "Thành viên chủ yếu là hộ gia đình trong làng nghề.",
    "Đã được hỗ trợ xúc tiến thương mại năm 2020.",
    "Đề nghị cập nhật số điện thoại liên hệ.",
    "Đang xây dựng phương án sản xuất kinh doanh giai đoạn 2021–2025.",
    "Tham gia chương trình mỗi xã một sản phẩm (OCOP).",
    NULL};

size_t demo_list_length(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}
