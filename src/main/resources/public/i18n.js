// Interface strings in English and Vietnamese; app.js applies them to [data-i18n] elements.
window.PORTALKB_I18N = {
  en: {
    'nav.ask': 'Ask', 'nav.search': 'Search', 'nav.provinces': 'Provinces', 'nav.crawl': 'Crawl status',
    'ask.try': 'Try a question:', 'ask.label': 'Question', 'ask.placeholder': 'Ask about provincial health figures…',
    'ask.send': 'Ask', 'ask.new': 'New conversation', 'ask.sources': 'Sources', 'ask.error': 'Sorry, the question could not be answered:',
    'search.label': 'Search', 'search.placeholder': 'bảo hiểm y tế, "mũi 3", province:"Lạng Sơn" …', 'search.relevance': 'Relevance',
    'search.newest': 'Newest', 'search.oldest': 'Oldest', 'search.go': 'Search', 'search.export': 'Export CSV',
    'search.results': '{n} results', 'search.none': 'No articles match.', 'search.prev': '← Previous', 'search.next': 'Next →',
    'facet.province': 'Province', 'facet.source': 'Source', 'facet.year': 'Year', 'facet.metric': 'Figures', 'facet.clear': 'clear',
    'prov.pick': 'Province', 'prov.compare': 'Compare provinces', 'prov.metric': 'Metric', 'prov.provinces': 'Provinces', 'prov.show': 'Show',
    'prov.latest': 'Latest figures', 'prov.articles': '{n} articles', 'prov.today': 'today part of {p}', 'prov.byYear': 'Articles by year',
    'prov.none': 'No figures yet for this province.', 'prov.overTime': '{m} over the years',
    'crawl.token': 'Admin token', 'crawl.now': 'Crawl now', 'crawl.source': 'Source', 'crawl.last': 'Last run', 'crawl.next': 'Next run',
    'crawl.fetched': 'Fetched', 'crawl.changed': 'New / changed', 'crawl.failed': 'Failed', 'crawl.status': 'Status', 'crawl.errors': 'Recent errors',
    'crawl.started': 'Crawl started.', 'crawl.refused': 'Refused: {e}', 'crawl.never': 'never', 'crawl.manual': 'manual',
    'crawl.province': 'Province', 'crawl.pages': 'Pages', 'crawl.errorsCount': 'Errors', 'crawl.all': 'All',
    'crawl.st.ok': 'OK', 'crawl.st.errors': 'With errors', 'crawl.st.never': 'Never run', 'crawl.st.running': 'Running',
    'crawl.today': 'today {p}', 'crawl.shown': '{n} of {m} sources',
    'facet.type': 'File type', 'type.html': 'Web page', 'type.pdf': 'PDF', 'type.doc': 'Word', 'type.xls': 'Excel',
    'search.linkedFrom': 'Attached to:', 'cite.page': 'page {n}'
  },
  vi: {
    'nav.ask': 'Hỏi đáp', 'nav.search': 'Tìm kiếm', 'nav.provinces': 'Tỉnh thành', 'nav.crawl': 'Thu thập',
    'ask.try': 'Thử hỏi:', 'ask.label': 'Câu hỏi', 'ask.placeholder': 'Hỏi về số liệu y tế các tỉnh…',
    'ask.send': 'Hỏi', 'ask.new': 'Cuộc hội thoại mới', 'ask.sources': 'Nguồn', 'ask.error': 'Không trả lời được câu hỏi:',
    'search.label': 'Tìm kiếm', 'search.placeholder': 'bảo hiểm y tế, "mũi 3", province:"Lạng Sơn" …', 'search.relevance': 'Liên quan nhất',
    'search.newest': 'Mới nhất', 'search.oldest': 'Cũ nhất', 'search.go': 'Tìm', 'search.export': 'Xuất CSV',
    'search.results': '{n} kết quả', 'search.none': 'Không có bài viết phù hợp.', 'search.prev': '← Trang trước', 'search.next': 'Trang sau →',
    'facet.province': 'Tỉnh', 'facet.source': 'Nguồn', 'facet.year': 'Năm', 'facet.metric': 'Số liệu', 'facet.clear': 'bỏ lọc',
    'prov.pick': 'Tỉnh', 'prov.compare': 'So sánh các tỉnh', 'prov.metric': 'Chỉ số', 'prov.provinces': 'Các tỉnh', 'prov.show': 'Xem',
    'prov.latest': 'Số liệu mới nhất', 'prov.articles': '{n} bài viết', 'prov.today': 'nay thuộc {p}', 'prov.byYear': 'Bài viết theo năm',
    'prov.none': 'Chưa có số liệu cho tỉnh này.', 'prov.overTime': '{m} qua các năm',
    'crawl.token': 'Mã quản trị', 'crawl.now': 'Thu thập ngay', 'crawl.source': 'Nguồn', 'crawl.last': 'Lần chạy gần nhất', 'crawl.next': 'Lần chạy tới',
    'crawl.fetched': 'Đã tải', 'crawl.changed': 'Mới / thay đổi', 'crawl.failed': 'Lỗi', 'crawl.status': 'Trạng thái', 'crawl.errors': 'Lỗi gần đây',
    'crawl.started': 'Đã bắt đầu thu thập.', 'crawl.refused': 'Bị từ chối: {e}', 'crawl.never': 'chưa chạy', 'crawl.manual': 'thủ công',
    'crawl.province': 'Tỉnh', 'crawl.pages': 'Số trang', 'crawl.errorsCount': 'Lỗi', 'crawl.all': 'Tất cả',
    'crawl.st.ok': 'Bình thường', 'crawl.st.errors': 'Có lỗi', 'crawl.st.never': 'Chưa chạy', 'crawl.st.running': 'Đang chạy',
    'crawl.today': 'nay thuộc {p}', 'crawl.shown': '{n} / {m} nguồn',
    'facet.type': 'Loại tệp', 'type.html': 'Trang web', 'type.pdf': 'PDF', 'type.doc': 'Word', 'type.xls': 'Excel',
    'search.linkedFrom': 'Đính kèm trong:', 'cite.page': 'trang {n}'
  }
};
