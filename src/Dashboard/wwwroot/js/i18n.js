// Every string the pages show, in Vietnamese (the default) and English. Nothing else in the pages
// carries user-visible text: static markup names a key with data-i18n, scripts call t().

const STORAGE_KEY = 'inspection.lang';
export const LANGUAGES = ['vi', 'en'];

const dictionary = {
  vi: {
    'app.title': 'Hệ thống thanh tra, kiểm tra trực tuyến',
    'app.subtitle': 'Giám sát rủi ro qua các cơ sở dữ liệu quốc gia, chuyên ngành',
    'app.footer': 'Dữ liệu được truy xuất từ các cơ sở dữ liệu quốc gia qua nền tảng tích hợp, chia sẻ dữ liệu (LGSP/NDXP). Mỗi dấu hiệu vi phạm truy vết được tới bản ghi gốc làm chứng cứ.',
    'lang.label': 'Ngôn ngữ',
    'nav.skip': 'Bỏ qua, đến nội dung chính',
    'nav.queue': 'Hàng đợi rủi ro',
    'nav.enterprise': 'Hồ sơ doanh nghiệp',
    'nav.label': 'Điều hướng chính',
    'nav.registries': 'Tình trạng kết nối cơ sở dữ liệu',
    'nav.rules': 'Bộ quy tắc',
    'rules.title': 'Bộ quy tắc đánh giá rủi ro',
    'rules.hint': 'Các quy tắc đang áp dụng và đang chạy thử, với thời gian hiệu lực, căn cứ pháp lý và số dấu hiệu vi phạm đã phát hiện. Phiên bản chạy thử ghi nhận những trường hợp nó sẽ cảnh báo, nhưng không đưa vào hàng đợi hay điểm rủi ro cho đến khi được đưa vào áp dụng.',
    'rules.pack': 'Bộ quy tắc {id}, phiên bản {version} · {promotions} lần đưa vào áp dụng',
    'rules.flagged': '{flags} dấu hiệu · {enterprises} doanh nghiệp',
    'rules.wouldFlag': 'Sẽ cảnh báo {flags} dấu hiệu ở {enterprises} doanh nghiệp',
    'rules.from': 'từ {from}',
    'rules.between': '{from} – {to}',
    'rules.promote': 'Đưa vào áp dụng',
    'rules.confirm': 'Đưa phiên bản {version} của quy tắc {rule} vào áp dụng từ {from}? Phiên bản đang áp dụng sẽ hết hiệu lực trước ngày này; thao tác được ghi vào nhật ký kiểm toán.',
    'rules.confirmYes': 'Xác nhận',
    'rules.confirmNo': 'Huỷ',
    'rules.promoting': 'Đang đưa vào áp dụng…',
    'rules.promoted': 'Đã đưa phiên bản {version} của quy tắc {rule} vào áp dụng. Các doanh nghiệp đang được đánh giá lại theo bộ quy tắc mới.',
    'rules.forbidden': 'Tài khoản này không được xem bộ quy tắc. Trang chỉ dành cho thanh tra viên, lãnh đạo và quản trị hệ thống.',
    'col.stage': 'Giai đoạn',
    'col.validity': 'Hiệu lực',
    'col.registries': 'Cơ sở dữ liệu sử dụng',
    'col.flagged': 'Đã phát hiện',
    'col.actions': 'Thao tác',
    'stage.live': 'Đang áp dụng',
    'stage.dry-run': 'Đang chạy thử',
    'stage.retired': 'Đã thay thế',
    'loading': 'Đang tải…',
    'none': '—',

    'signin.title': 'Đăng nhập môi trường phát triển',
    'signin.note': 'Chỉ dùng khi phát triển, kiểm thử: hệ thống cấp một mã truy cập thử nghiệm theo vai trò và thẩm quyền bạn chọn.',
    'signin.role': 'Vai trò',
    'signin.subject': 'Tài khoản',
    'signin.subjectHint': 'Mã người dùng, ví dụ tv-hn-01',
    'signin.provinces': 'Tỉnh/thành thuộc thẩm quyền',
    'signin.provincesHint': 'Mã tỉnh/thành, cách nhau bởi dấu phẩy, ví dụ 01, 79',
    'signin.enterprise': 'Mã số doanh nghiệp',
    'signin.enterpriseHint': '10 chữ số, ví dụ 0314409058',
    'signin.submit': 'Đăng nhập',
    'signin.busy': 'Đang đăng nhập…',
    'signin.unavailable': 'Đăng nhập thử nghiệm chỉ có ở môi trường phát triển. Hãy đăng nhập qua hệ thống xác thực của cơ quan.',
    'signin.needProvinces': 'Thanh tra viên cần ít nhất một mã tỉnh/thành thuộc thẩm quyền.',
    'signin.needEnterprise': 'Vui lòng nhập mã số doanh nghiệp.',
    'signin.needSubject': 'Vui lòng nhập tài khoản.',
    'session.signedInAs': 'Đang đăng nhập:',
    'session.signOut': 'Đăng xuất',
    'session.expired': 'Phiên đăng nhập đã hết hạn hoặc không còn hiệu lực. Vui lòng đăng nhập lại.',
    'session.required': 'Vui lòng đăng nhập để xem dữ liệu.',
    'session.goSignIn': 'Đến trang đăng nhập',
    'session.scopeNationwide': 'toàn quốc',

    'role.inspector': 'Thanh tra viên',
    'role.leadership': 'Lãnh đạo',
    'role.enterprise': 'Doanh nghiệp',
    'role.admin': 'Quản trị',

    'live.connected': 'Trực tuyến',
    'live.connecting': 'Đang kết nối…',
    'live.reconnecting': 'Mất kết nối, đang kết nối lại…',
    'live.disconnected': 'Không có kết nối trực tuyến',
    'live.title': 'Trạng thái nhận cảnh báo trực tuyến',
    'live.announce': 'Dấu hiệu vi phạm mới: {title} — {name}',

    'queue.title': 'Hàng đợi rủi ro',
    'queue.hint': 'Các dấu hiệu vi phạm mới nhất thuộc thẩm quyền của bạn; dấu hiệu mới xuất hiện ngay khi phát sinh.',
    'queue.empty': 'Chưa có dấu hiệu vi phạm nào.',
    'queue.new': 'Mới',

    'ranking.title': 'Doanh nghiệp theo mức độ rủi ro',
    'ranking.hint': 'Xếp hạng theo điểm rủi ro, kết hợp dấu hiệu vi phạm, mức bất thường so với doanh nghiệp cùng nhóm và so với chính doanh nghiệp, và mô hình học từ kết quả các cuộc thanh tra trước đây.',
    'ranking.empty': 'Không có doanh nghiệp phù hợp với bộ lọc.',
    'ranking.mine': 'Xem hồ sơ doanh nghiệp của tôi',
    'ranking.mineHint': 'Tài khoản doanh nghiệp chỉ xem được dữ liệu của chính doanh nghiệp mình.',

    'filter.province': 'Tỉnh/thành',
    'filter.sector': 'Ngành',
    'filter.tier': 'Mức độ rủi ro',
    'filter.all': 'Tất cả',
    'filter.apply': 'Lọc',
    'filter.reset': 'Bỏ lọc',
    'filter.registry': 'Cơ sở dữ liệu',

    'col.time': 'Thời điểm',
    'col.enterprise': 'Doanh nghiệp',
    'col.province': 'Tỉnh/thành',
    'col.rule': 'Dấu hiệu vi phạm',
    'col.severity': 'Mức độ',
    'col.explanation': 'Diễn giải',
    'col.rank': 'Hạng',
    'col.sector': 'Ngành',
    'col.status': 'Tình trạng pháp lý',
    'col.riskScore': 'Điểm rủi ro',
    'col.riskTier': 'Mức độ rủi ro',
    'col.openFlags': 'Dấu hiệu đang mở',
    'col.lastPulled': 'Cập nhật lần cuối',
    'col.reasons': 'Lý do xếp hạng',
    'reason.flag': '{rule}: {count} dấu hiệu, mức {severity}',
    'reason.anomaly': 'Khác biệt so với nhóm {group}: {feature} {value} (trung vị của nhóm {median})',
    'reason.history': 'Thay đổi so với chính doanh nghiệp: {feature} {value} (trước đây {median})',
    'reason.model': 'Mô hình dự báo: khả năng thanh tra phát hiện vi phạm {probability}',
    'reason.weight': 'Riêng lý do này cộng {weight} vào điểm rủi ro',
    'reason.none': 'Không có lý do nổi bật',
    'group.all': 'mọi doanh nghiệp',
    'size.micro': 'siêu nhỏ',
    'size.small': 'nhỏ',
    'size.medium': 'vừa',
    'size.large': 'lớn',
    'size.unknown': 'chưa rõ quy mô',
    'models.none': 'Mô hình rủi ro chưa được huấn luyện; hàng đợi đang xếp theo dấu hiệu vi phạm.',
    'models.summary': 'Mô hình rủi ro huấn luyện lúc {time} trên {enterprises} doanh nghiệp, {groups} nhóm so sánh.',
    'models.supervised': 'Mô hình có giám sát {version}: AUC kiểm định chéo {auc}, học từ {outcomes} kết quả thanh tra ({found} phát hiện vi phạm).',
    'models.stepsAside': 'Mô hình có giám sát chưa được dùng: mới có {outcomes} kết quả thanh tra ({found} phát hiện vi phạm), chưa đủ để học.',
    'models.training': 'Đang huấn luyện lại mô hình…',
    'feature.revenue': 'doanh thu',
    'feature.revenueChangePct': 'mức thay đổi doanh thu (%)',
    'feature.outputVatShare': 'tỷ lệ thuế GTGT đầu ra trên doanh thu',
    'feature.inputToOutputVat': 'tỷ lệ thuế GTGT đầu vào trên đầu ra',
    'feature.invoicesPerBillion': 'số hóa đơn trên 1 tỷ đồng doanh thu',
    'feature.payrollHeadcount': 'lao động trên bảng lương',
    'feature.insuredShare': 'tỷ lệ lao động tham gia BHXH',
    'feature.contributionPaidShare': 'tỷ lệ BHXH đã đóng so với phải đóng',
    'feature.monthsInArrears': 'số tháng chậm đóng BHXH',
    'feature.filingDelayDays': 'số ngày nộp tờ khai chậm',
    'feature.overdueDays': 'số ngày nợ thuế quá hạn',
    'feature.revenuePerWorker': 'doanh thu trên một lao động',
    'feature.hoursOverLimit': 'số giờ xả thải vượt ngưỡng',
    'feature.uptimePercent': 'tỷ lệ thời gian truyền dữ liệu quan trắc (%)',
    'col.period': 'Kỳ',
    'col.registry': 'Cơ sở dữ liệu',
    'col.kind': 'Loại hồ sơ',
    'col.fields': 'Thông tin chính',
    'col.version': 'Phiên bản',
    'col.provenance': 'Nguồn gốc (chứng cứ)',

    'severity.low': 'Thấp',
    'severity.medium': 'Trung bình',
    'severity.high': 'Cao',
    'severity.critical': 'Nghiêm trọng',
    'tier.low': 'Thấp',
    'tier.medium': 'Trung bình',
    'tier.high': 'Cao',
    'tier.critical': 'Rất cao',

    'status.active': 'Đang hoạt động',
    'status.suspended': 'Tạm ngừng kinh doanh',
    'status.not-at-address': 'Không còn hoạt động tại địa chỉ đăng ký',
    'status.dissolved': 'Đã giải thể',

    'sector.manufacturing': 'Công nghiệp chế biến, chế tạo',
    'sector.construction': 'Xây dựng',
    'sector.trade': 'Bán buôn, bán lẻ',
    'sector.transport': 'Vận tải, kho bãi',
    'sector.food-service': 'Dịch vụ ăn uống',
    'sector.it-services': 'Dịch vụ công nghệ thông tin',

    'registry.business-registration': 'Đăng ký doanh nghiệp',
    'registry.tax': 'Thuế',
    'registry.social-insurance': 'Bảo hiểm xã hội',
    'registry.labour': 'Lao động',
    'registry.environment': 'Quan trắc môi trường',

    'kind.registration': 'Hồ sơ đăng ký doanh nghiệp',
    'kind.vat-return': 'Tờ khai thuế GTGT',
    'kind.contribution': 'Đóng bảo hiểm xã hội',

    'field.name': 'Tên doanh nghiệp',
    'field.province': 'Mã tỉnh/thành',
    'field.provinceName': 'Tỉnh/thành',
    'field.sector': 'Ngành',
    'field.vsicCode': 'Mã ngành VSIC',
    'field.vsicVersion': 'Hệ thống ngành',
    'field.charterCapital': 'Vốn điều lệ',
    'field.registeredOn': 'Ngày đăng ký lần đầu',
    'field.status': 'Tình trạng pháp lý',
    'field.statusSince': 'Hiệu lực từ',
    'field.periodStart': 'Đầu kỳ',
    'field.dueDate': 'Hạn nộp',
    'field.filedOn': 'Ngày nộp',
    'field.revenue': 'Doanh thu',
    'field.outputVat': 'Thuế GTGT đầu ra',
    'field.inputVat': 'Thuế GTGT đầu vào',
    'field.invoicesIssued': 'Số hóa đơn đã xuất',
    'field.payrollHeadcount': 'Lao động trên bảng lương',
    'field.overdueDays': 'Số ngày nợ thuế quá hạn',
    'field.insuredHeadcount': 'Lao động tham gia BHXH',
    'field.contributionDue': 'Số phải đóng',
    'field.contributionPaid': 'Số đã đóng',
    'field.monthsInArrears': 'Số tháng chậm đóng',
    'field.lateDays': 'Số ngày nộp chậm',

    'prov.service': 'Dịch vụ',
    'prov.requestId': 'Mã yêu cầu X-Road',
    'prov.requestHash': 'Mã băm yêu cầu',
    'prov.payloadHash': 'Mã băm dữ liệu',
    'prov.fetchedAt': 'Thời điểm truy xuất',

    'enterprise.title': 'Hồ sơ doanh nghiệp',
    'enterprise.code': 'Mã số doanh nghiệp',
    'enterprise.name': 'Tên doanh nghiệp',
    'enterprise.province': 'Tỉnh/thành',
    'enterprise.sector': 'Ngành',
    'enterprise.status': 'Tình trạng pháp lý',
    'enterprise.riskScore': 'Điểm rủi ro',
    'enterprise.riskTier': 'Mức độ rủi ro',
    'enterprise.openFlags': 'Dấu hiệu đang mở',
    'enterprise.lastPulledAt': 'Truy xuất lần cuối',
    'enterprise.missingCode': 'Chưa chọn doanh nghiệp. Hãy mở hồ sơ từ hàng đợi rủi ro.',
    'enterprise.invalidCode': 'Mã số doanh nghiệp không hợp lệ: {code}',

    'flags.title': 'Dấu hiệu vi phạm đang mở và chứng cứ',
    'flags.note': 'Dấu hiệu vi phạm chưa phải là kết luận. Bước tiếp theo là yêu cầu doanh nghiệp giải trình, bổ sung tài liệu.',
    'flags.empty': 'Không có dấu hiệu vi phạm đang mở.',
    'flag.rule': 'Quy tắc',
    'flag.ruleVersion': 'phiên bản {version}',
    'flag.period': 'Kỳ',
    'flag.raisedAt': 'Phát hiện lúc',
    'flag.legalBasis': 'Căn cứ pháp lý',
    'flag.explanation': 'Diễn giải',
    'flag.values': 'Giá trị làm phát sinh dấu hiệu',
    'flag.evidence': 'Bản ghi chứng cứ',
    'flag.showInTimeline': 'Xem trong dòng thời gian',
    'flag.notInTimeline': 'Bản ghi này không có trong dòng thời gian đã tải.',
    'flag.noEvidence': 'Không có bản ghi chứng cứ kèm theo.',
    'flag.evidenceOf': 'Chứng cứ của dấu hiệu {rule}',

    'timeline.title': 'Dòng thời gian hồ sơ từ các cơ sở dữ liệu',
    'timeline.hint': 'Mỗi bản ghi là một dữ kiện bất biến kèm nguồn gốc: dịch vụ đã trả lời, mã yêu cầu X-Road, mã băm và thời điểm truy xuất.',
    'timeline.empty': 'Chưa có bản ghi nào.',
    'timeline.noPeriod': 'Không theo kỳ',
    'timeline.superseded': 'Đã có phiên bản mới hơn',
    'timeline.count': '{count} bản ghi',
    'timeline.allFields': 'Tất cả thông tin',
    'timeline.evidenceFor': 'Là chứng cứ của dấu hiệu vi phạm',

    'registries.title': 'Tình trạng kết nối cơ sở dữ liệu',
    'registries.hint': 'Các cơ sở dữ liệu quốc gia, chuyên ngành mà nền tảng đang kết nối: lần phản hồi tốt gần nhất, độ trễ, số yêu cầu và tỷ lệ lỗi trong một phút qua, trạng thái bộ ngắt mạch.',
    'registries.refreshedLabel': 'Cập nhật lúc:',
    'registries.notYet': 'chưa cập nhật',
    'registries.auto': 'Tự động cập nhật mỗi {seconds} giây',
    'registries.retrying': 'Cập nhật lỗi, đang thử lại…',
    'registries.stopped': 'Đã dừng cập nhật',
    'registries.liveTitle': 'Trạng thái tự động cập nhật',
    'registries.empty': 'Chưa có cơ sở dữ liệu nào được bật kết nối.',
    'registries.forbidden': 'Tài khoản này không được xem tình trạng kết nối cơ sở dữ liệu. Trang chỉ dành cho thanh tra viên, lãnh đạo và quản trị hệ thống.',
    'registries.stale': 'Bảng dưới đây là dữ liệu của lần cập nhật thành công gần nhất.',
    'registries.summary': '{ok} bình thường · {degraded} suy giảm · {down} mất kết nối',
    'registries.never': 'Chưa từng phản hồi',
    'registries.failedAt': 'Lúc {time}',
    'registries.circuit': 'Bộ ngắt mạch: {state}',
    'registries.changed': '{registry}: {status}',

    'col.transport': 'Phương thức kết nối',
    'col.health': 'Trạng thái',
    'col.lastSuccess': 'Phản hồi tốt gần nhất',
    'col.lag': 'Độ trễ',
    'col.requests': 'Yêu cầu trong 1 phút',
    'col.errorRate': 'Tỷ lệ lỗi',
    'col.lastError': 'Lỗi gần nhất',
    'col.gaps': 'Khoảng trống dữ liệu',
    'registries.gap': 'Mất bản ghi sau mốc {from} đến mốc {to} (phát hiện {time})',
    'registries.gapFromStart': 'từ đầu',

    'health.ok': 'Bình thường',
    'health.degraded': 'Suy giảm',
    'health.down': 'Mất kết nối',

    'circuit.Closed': 'Đóng (gọi bình thường)',
    'circuit.Open': 'Mở (tạm ngừng gọi)',
    'circuit.HalfOpen': 'Nửa mở (đang gọi thử)',
    'circuit.Isolated': 'Cô lập (ngừng gọi thủ công)',

    'transport.Http': 'HTTP',
    'transport.Dapr': 'Dapr',

    'time.justNow': 'vừa xong',
    'time.ago': '{duration} trước',
    'duration.seconds': '{s} giây',
    'duration.minutes': '{m} phút {s} giây',
    'duration.hours': '{h} giờ {m} phút',
    'duration.days': '{d} ngày {h} giờ',

    'error.network': 'Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối và thử lại.',
    'error.400': 'Yêu cầu không hợp lệ.',
    'error.401': 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
    'error.403': 'Bạn không có thẩm quyền xem dữ liệu này.',
    'error.404': 'Không tìm thấy dữ liệu yêu cầu.',
    'error.409': 'Dữ liệu đã thay đổi, vui lòng tải lại.',
    'error.429': 'Có quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    'error.500': 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
    'error.503': 'Dịch vụ tạm thời không sẵn sàng. Vui lòng thử lại sau.',
    'error.generic': 'Đã xảy ra lỗi (mã {status}).',
    'error.detail': 'Chi tiết từ máy chủ:',
    'error.script': 'Không tải được thư viện kết nối trực tuyến; trang vẫn hiển thị dữ liệu nhưng không tự cập nhật.',
  },
  en: {
    'app.title': 'Remote Inspection Platform',
    'app.subtitle': 'Risk monitoring across national and sector registries',
    'app.footer': 'Data is pulled from the national registries through the government data-sharing platforms (LGSP/NDXP). Every sign of violation traces back to the registry records behind it.',
    'lang.label': 'Language',
    'nav.skip': 'Skip to main content',
    'nav.queue': 'Risk queue',
    'nav.enterprise': 'Enterprise profile',
    'nav.label': 'Main navigation',
    'nav.registries': 'Registry connections',
    'nav.rules': 'Rule pack',
    'rules.title': 'Risk rule pack',
    'rules.hint': 'The rules in force and on trial, with their validity, legal basis and the signs of violation they found. A dry-run version records what it would flag, but puts nothing in a queue or a risk score until it is promoted.',
    'rules.pack': 'Pack {id}, version {version} · {promotions} promotions',
    'rules.flagged': '{flags} flags · {enterprises} enterprises',
    'rules.wouldFlag': 'Would flag {flags} in {enterprises} enterprises',
    'rules.from': 'from {from}',
    'rules.between': '{from} – {to}',
    'rules.promote': 'Promote to live',
    'rules.confirm': 'Make version {version} of rule {rule} live from {from}? The live version ends the day before; the promotion is written to the audit trail.',
    'rules.confirmYes': 'Confirm',
    'rules.confirmNo': 'Cancel',
    'rules.promoting': 'Promoting…',
    'rules.promoted': 'Version {version} of rule {rule} is live. Every enterprise is being assessed again under the new pack.',
    'rules.forbidden': 'This account may not see the rule pack. The page is for inspectors, leadership and administrators.',
    'col.stage': 'Stage',
    'col.validity': 'In force',
    'col.registries': 'Registries read',
    'col.flagged': 'Found',
    'col.actions': 'Actions',
    'stage.live': 'Live',
    'stage.dry-run': 'Dry run',
    'stage.retired': 'Retired',
    'loading': 'Loading…',
    'none': '—',

    'signin.title': 'Development sign-in',
    'signin.note': 'For development and testing only: issues a test access token for the role and jurisdiction you choose.',
    'signin.role': 'Role',
    'signin.subject': 'Account',
    'signin.subjectHint': 'User id, e.g. tv-hn-01',
    'signin.provinces': 'Provinces in jurisdiction',
    'signin.provincesHint': 'Province codes, comma-separated, e.g. 01, 79',
    'signin.enterprise': 'Enterprise code',
    'signin.enterpriseHint': '10 digits, e.g. 0314409058',
    'signin.submit': 'Sign in',
    'signin.busy': 'Signing in…',
    'signin.unavailable': 'Development sign-in exists only in development mode. Sign in through the agency\u2019s identity provider.',
    'signin.needProvinces': 'An inspector needs at least one province code in their jurisdiction.',
    'signin.needEnterprise': 'Please enter the enterprise code.',
    'signin.needSubject': 'Please enter the account.',
    'session.signedInAs': 'Signed in as:',
    'session.signOut': 'Sign out',
    'session.expired': 'Your session has expired or is no longer valid. Please sign in again.',
    'session.required': 'Please sign in to see the data.',
    'session.goSignIn': 'Go to sign-in',
    'session.scopeNationwide': 'nationwide',

    'role.inspector': 'Inspector',
    'role.leadership': 'Leadership',
    'role.enterprise': 'Enterprise',
    'role.admin': 'Administrator',

    'live.connected': 'Live',
    'live.connecting': 'Connecting…',
    'live.reconnecting': 'Connection lost, reconnecting…',
    'live.disconnected': 'No live connection',
    'live.title': 'Live alert connection status',
    'live.announce': 'New sign of violation: {title} — {name}',

    'queue.title': 'Risk queue',
    'queue.hint': 'The newest signs of violation in your jurisdiction; new ones appear as soon as they are raised.',
    'queue.empty': 'No signs of violation yet.',
    'queue.new': 'New',

    'ranking.title': 'Enterprises by risk',
    'ranking.hint': 'Ranked by risk score, combining signs of violation, how unusual the enterprise is against its peers and its own past, and a model learnt from past inspection outcomes.',
    'ranking.empty': 'No enterprises match the filters.',
    'ranking.mine': 'View my enterprise\u2019s profile',
    'ranking.mineHint': 'An enterprise account sees only its own enterprise\u2019s data.',

    'filter.province': 'Province',
    'filter.sector': 'Sector',
    'filter.tier': 'Risk level',
    'filter.all': 'All',
    'filter.apply': 'Filter',
    'filter.reset': 'Clear',
    'filter.registry': 'Registry',

    'col.time': 'Raised',
    'col.enterprise': 'Enterprise',
    'col.province': 'Province',
    'col.rule': 'Sign of violation',
    'col.severity': 'Severity',
    'col.explanation': 'Explanation',
    'col.rank': 'Rank',
    'col.sector': 'Sector',
    'col.status': 'Legal status',
    'col.riskScore': 'Risk score',
    'col.riskTier': 'Risk level',
    'col.openFlags': 'Open signs',
    'col.lastPulled': 'Last pulled',
    'col.reasons': 'Why ranked here',
    'reason.flag': '{rule}: {count} signs, {severity}',
    'reason.anomaly': 'Unlike its peers ({group}): {feature} {value} (peers\u2019 median {median})',
    'reason.history': 'Unlike its own past: {feature} {value} (before: {median})',
    'reason.model': 'Prediction model: chance an inspection finds a violation {probability}',
    'reason.weight': 'This reason alone adds {weight} to the risk score',
    'reason.none': 'Nothing stands out',
    'group.all': 'all enterprises',
    'size.micro': 'micro',
    'size.small': 'small',
    'size.medium': 'medium',
    'size.large': 'large',
    'size.unknown': 'size unknown',
    'models.none': 'The risk models have not been trained yet; the queue is ranked by signs of violation.',
    'models.summary': 'Risk models trained at {time} on {enterprises} enterprises, {groups} peer groups.',
    'models.supervised': 'Supervised model {version}: cross-validated AUC {auc}, learnt from {outcomes} inspection outcomes ({found} found a violation).',
    'models.stepsAside': 'The supervised model is not used yet: only {outcomes} inspection outcomes ({found} found a violation), too few to learn from.',
    'models.training': 'Retraining the models\u2026',
    'feature.revenue': 'revenue',
    'feature.revenueChangePct': 'revenue change (%)',
    'feature.outputVatShare': 'output VAT to revenue',
    'feature.inputToOutputVat': 'input to output VAT',
    'feature.invoicesPerBillion': 'invoices per billion VND of revenue',
    'feature.payrollHeadcount': 'payroll headcount',
    'feature.insuredShare': 'share of staff insured',
    'feature.contributionPaidShare': 'share of contributions paid',
    'feature.monthsInArrears': 'months in contribution arrears',
    'feature.filingDelayDays': 'filing delay (days)',
    'feature.overdueDays': 'days of overdue tax',
    'feature.revenuePerWorker': 'revenue per worker',
    'feature.hoursOverLimit': 'hours over the discharge limit',
    'feature.uptimePercent': 'monitoring uptime (%)',
    'col.period': 'Period',
    'col.registry': 'Registry',
    'col.kind': 'Record kind',
    'col.fields': 'Key fields',
    'col.version': 'Version',
    'col.provenance': 'Provenance (evidence)',

    'severity.low': 'Low',
    'severity.medium': 'Medium',
    'severity.high': 'High',
    'severity.critical': 'Critical',
    'tier.low': 'Low',
    'tier.medium': 'Medium',
    'tier.high': 'High',
    'tier.critical': 'Very high',

    'status.active': 'Active',
    'status.suspended': 'Temporarily suspended',
    'status.not-at-address': 'Not operating at registered address',
    'status.dissolved': 'Dissolved',

    'sector.manufacturing': 'Manufacturing',
    'sector.construction': 'Construction',
    'sector.trade': 'Wholesale and retail trade',
    'sector.transport': 'Transport and storage',
    'sector.food-service': 'Food service',
    'sector.it-services': 'IT services',

    'registry.business-registration': 'Business registration',
    'registry.tax': 'Tax',
    'registry.social-insurance': 'Social insurance',
    'registry.labour': 'Labour',
    'registry.environment': 'Environmental monitoring',

    'kind.registration': 'Business registration',
    'kind.vat-return': 'VAT return',
    'kind.contribution': 'Social insurance contribution',

    'field.name': 'Name',
    'field.province': 'Province code',
    'field.provinceName': 'Province',
    'field.sector': 'Sector',
    'field.vsicCode': 'VSIC code',
    'field.vsicVersion': 'VSIC edition',
    'field.charterCapital': 'Charter capital',
    'field.registeredOn': 'First registered',
    'field.status': 'Legal status',
    'field.statusSince': 'Status since',
    'field.periodStart': 'Period start',
    'field.dueDate': 'Due date',
    'field.filedOn': 'Filed on',
    'field.revenue': 'Revenue',
    'field.outputVat': 'Output VAT',
    'field.inputVat': 'Input VAT',
    'field.invoicesIssued': 'Invoices issued',
    'field.payrollHeadcount': 'Payroll headcount',
    'field.overdueDays': 'Days tax overdue',
    'field.insuredHeadcount': 'Insured headcount',
    'field.contributionDue': 'Contribution due',
    'field.contributionPaid': 'Contribution paid',
    'field.monthsInArrears': 'Months in arrears',
    'field.lateDays': 'Days late',

    'prov.service': 'Service',
    'prov.requestId': 'X-Road request id',
    'prov.requestHash': 'Request hash',
    'prov.payloadHash': 'Payload hash',
    'prov.fetchedAt': 'Fetched',

    'enterprise.title': 'Enterprise profile',
    'enterprise.code': 'Enterprise code',
    'enterprise.name': 'Name',
    'enterprise.province': 'Province',
    'enterprise.sector': 'Sector',
    'enterprise.status': 'Legal status',
    'enterprise.riskScore': 'Risk score',
    'enterprise.riskTier': 'Risk level',
    'enterprise.openFlags': 'Open signs',
    'enterprise.lastPulledAt': 'Last pulled',
    'enterprise.missingCode': 'No enterprise selected. Open a profile from the risk queue.',
    'enterprise.invalidCode': 'Invalid enterprise code: {code}',

    'flags.title': 'Open signs of violation and their evidence',
    'flags.note': 'A sign of violation is not a finding. Its next step is a request to the enterprise to explain or supply documents.',
    'flags.empty': 'No open signs of violation.',
    'flag.rule': 'Rule',
    'flag.ruleVersion': 'version {version}',
    'flag.period': 'Period',
    'flag.raisedAt': 'Raised',
    'flag.legalBasis': 'Legal basis',
    'flag.explanation': 'Explanation',
    'flag.values': 'Values that raised it',
    'flag.evidence': 'Evidence records',
    'flag.showInTimeline': 'Show in timeline',
    'flag.notInTimeline': 'This record is not in the loaded timeline.',
    'flag.noEvidence': 'No evidence records attached.',
    'flag.evidenceOf': 'Evidence for {rule}',

    'timeline.title': 'Timeline of registry records',
    'timeline.hint': 'Each record is an immutable fact with its provenance: the service that answered, the X-Road request id, the hashes and when it was fetched.',
    'timeline.empty': 'No records yet.',
    'timeline.noPeriod': 'No period',
    'timeline.superseded': 'Superseded by a newer version',
    'timeline.count': '{count} records',
    'timeline.allFields': 'All fields',
    'timeline.evidenceFor': 'Evidence for a sign of violation',

    'registries.title': 'Registry connections',
    'registries.hint': 'The national and sector registries the platform connects to: the last good answer, the lag, requests and error rate over the last minute, and the circuit breaker\u2019s state.',
    'registries.refreshedLabel': 'Refreshed at:',
    'registries.notYet': 'not yet',
    'registries.auto': 'Refreshing every {seconds} s',
    'registries.retrying': 'Refresh failed, retrying…',
    'registries.stopped': 'Refreshing stopped',
    'registries.liveTitle': 'Automatic refresh status',
    'registries.empty': 'No registry connections are enabled.',
    'registries.forbidden': 'This account may not see the registry connections. The page is for inspectors, leadership and administrators.',
    'registries.stale': 'The table below shows the data from the last successful refresh.',
    'registries.summary': '{ok} OK · {degraded} degraded · {down} down',
    'registries.never': 'Never answered',
    'registries.failedAt': 'At {time}',
    'registries.circuit': 'Circuit: {state}',
    'registries.changed': '{registry}: {status}',

    'col.transport': 'Transport',
    'col.health': 'Status',
    'col.lastSuccess': 'Last success',
    'col.lag': 'Lag',
    'col.requests': 'Requests (last minute)',
    'col.errorRate': 'Error rate',
    'col.lastError': 'Last error',
    'col.gaps': 'Feed gaps',
    'registries.gap': 'Records lost after cursor {from} up to cursor {to} (found {time})',
    'registries.gapFromStart': 'the start',

    'health.ok': 'OK',
    'health.degraded': 'Degraded',
    'health.down': 'Down',

    'circuit.Closed': 'Closed (calls flow)',
    'circuit.Open': 'Open (calls suspended)',
    'circuit.HalfOpen': 'Half-open (trial calls)',
    'circuit.Isolated': 'Isolated (held open by hand)',

    'transport.Http': 'HTTP',
    'transport.Dapr': 'Dapr',

    'time.justNow': 'just now',
    'time.ago': '{duration} ago',
    'duration.seconds': '{s} s',
    'duration.minutes': '{m} min {s} s',
    'duration.hours': '{h} h {m} min',
    'duration.days': '{d} d {h} h',

    'error.network': 'Could not reach the server. Check the connection and try again.',
    'error.400': 'The request is not valid.',
    'error.401': 'You are not signed in, or your session has expired.',
    'error.403': 'You are not authorised to see this data.',
    'error.404': 'The requested data was not found.',
    'error.409': 'The data has changed; please reload.',
    'error.429': 'Too many requests. Please try again in a few minutes.',
    'error.500': 'The server ran into an error. Please try again later.',
    'error.503': 'The service is temporarily unavailable. Please try again later.',
    'error.generic': 'Something went wrong (status {status}).',
    'error.detail': 'Details from the server:',
    'error.script': 'The live-connection library did not load; the page shows data but will not update by itself.',
  },
};

const listeners = new Set();

function storedLanguage() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

let current = storedLanguage();

export function language() {
  return current;
}

/** The BCP 47 locale used to format numbers, money and dates in the current language. */
export function locale() {
  return current === 'vi' ? 'vi-VN' : 'en-GB';
}

export function has(key) {
  return Object.hasOwn(dictionary[current], key) || Object.hasOwn(dictionary.vi, key);
}

/** The text for a key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = dictionary[current][key] ?? dictionary.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A code translated when the dictionary knows it (severity.high → "Cao"), otherwise the code itself. */
export function label(prefix, code) {
  if (code === null || code === undefined || code === '') {
    return t('none');
  }

  const key = `${prefix}.${code}`;
  return has(key) ? t(key) : String(code);
}

/** Codes the dictionary knows under a prefix, e.g. every sector. */
export function knownCodes(prefix) {
  const start = `${prefix}.`;
  return Object.keys(dictionary.vi).filter((key) => key.startsWith(start)).map((key) => key.slice(start.length));
}

/** Fills every data-i18n* attribute under root from the dictionary and sets <html lang>. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
  for (const node of root.querySelectorAll('[data-i18n-title]')) {
    node.setAttribute('title', t(node.dataset.i18nTitle));
  }
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
}

export function setLanguage(next) {
  if (!LANGUAGES.includes(next) || next === current) {
    return;
  }

  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the switch still works for this page.
  }
  applyI18n();
  for (const listener of listeners) {
    listener(next);
  }
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}
