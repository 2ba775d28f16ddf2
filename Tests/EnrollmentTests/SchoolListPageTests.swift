import Testing
@testable import EnrollmentPublishing

/// A school's list pages (`SiteBuilder.listPages`): whole classes in class order, then
/// student_id; and the pager of a long list.
@Suite struct SchoolListPageTests {
    typealias Builder = SiteBuilder<SiteMemory>

    /// The pages as (class, size, first, student ids) per section.
    static func shape(_ classes: [String], _ ids: [String]) -> [[String]] {
        Builder.listPages(classes, studentIDs: ids).map { sections in
            sections.map { "\($0.classNo)/\($0.size)/\($0.first ? "first" : "more"):" + $0.rows.map { ids[$0] }.joined(separator: ",") }
        }
    }

    @Test func classesComeInNumericOrderThenStudentIDAndThoseInNoClassLast() {
        let classes = ["2", "1", "", "1", "10", "2"], ids = ["s6", "s5", "s4", "s3", "s2", "s1"]
        #expect(Self.shape(classes, ids) == [["1/2/first:s3,s5", "2/2/first:s1,s6", "10/1/first:s2", "/1/first:s4"]])
    }

    @Test func aSchoolWithoutClassesKeepsTheRunsOrderCutEveryPage() {
        let n = Builder.rowsPerPage
        let ids = (0..<(2 * n + 3)).map { "id\(2 * n + 3 - $0)" }
        let pages = Builder.listPages(Array(repeating: "", count: ids.count), studentIDs: ids)
        #expect(pages.map { $0.map(\.rows) } == [[Array(0..<n)], [Array(n..<(2 * n))], [Array((2 * n)..<(2 * n + 3))]])
        #expect(pages.flatMap { $0 }.map(\.first) == [true, false, false])
    }

    @Test func wholeClassesFillAPageAndALongClassIsCut() {
        let n = Builder.rowsPerPage
        // Classes of 2n/5 pupils: two a page; then one of 2n + 10, cut into n, n and 10, whose
        // last part shares its page with the next class.
        let sizes = [2 * n / 5, 2 * n / 5, 2 * n / 5, 2 * n + 10, n / 4]
        let classes = sizes.enumerated().flatMap { k, size in Array(repeating: "\(k + 1)", count: size) }
        let ids = classes.indices.map { String(format: "%06d", $0) }
        let pages = Builder.listPages(classes, studentIDs: ids)
        let shape: [[String]] = pages.map { sections in sections.map { "\($0.classNo):\($0.rows.count)" + ($0.first ? "" : "+") } }
        let fifth = 2 * n / 5, quarter = n / 4
        let expected: [[String]] = [["1:\(fifth)", "2:\(fifth)"], ["3:\(fifth)"], ["4:\(n)"], ["4:\(n)+"], ["4:10+", "5:\(quarter)"]]
        #expect(shape == expected)
        let sections: [Builder.ListSection] = pages.flatMap { $0 }
        let perPage: [Int] = pages.map { page in page.map(\.rows.count).reduce(0, +) }
        #expect(perPage.allSatisfy { $0 <= n })
        #expect(sections.flatMap(\.rows) == Array(classes.indices))
        let fourth: [Int] = sections.filter { $0.classNo == "4" }.map(\.size)
        #expect(fourth == [2 * n + 10, 2 * n + 10, 2 * n + 10])
    }

    @Test func anEmptyListHasOneEmptyPage() {
        #expect(Builder.listPages([], studentIDs: []).map(\.count) == [0])
    }

    /// A pager links the first, the last and the pages within two of the current one; a summary
    /// page (current 0) links every page.
    @Test func aLongPagerLinksNinePagesAtMost() {
        let page = SitePage(language: .en, notice: nil)
        let middle = page.pager(count: 300, current: 150) { "p\($0).html" }
        let linked = middle.components(separatedBy: "href=\"p").dropFirst().map { $0.prefix { $0 != "." } }
        #expect(linked == ["149", "1", "148", "149", "151", "152", "300", "151"])
        #expect(middle.contains("<span aria-current=\"page\">150</span>") && middle.components(separatedBy: "<span class=\"gap\">…</span>").count == 3)
        let first = page.pager(count: 300, current: 1) { "p\($0).html" }
        #expect(first.components(separatedBy: "href=\"p").dropFirst().map { $0.prefix { $0 != "." } } == ["2", "3", "300", "2"])
        let short = page.pager(count: 5, current: 3) { "p\($0).html" }
        #expect(!short.contains("gap") && short.components(separatedBy: "href=").count - 1 == 6)
        #expect(page.pager(count: 300, current: 0) { "p\($0).html" }.components(separatedBy: "href=").count - 1 == 300)
    }

    /// On the site: each class under its heading, pupils in student_id order; the school's page
    /// links every class where its list starts; no separate class pages.
    @Test func theSchoolsListShowsEachClassUnderItsHeading() throws {
        let site = try PublishedSite(SiteSearchTests.bigRun(4_000))
        // J01 holds the pupils k = 0, 40, …, 3960; pupil k is in class (k / 40) % 3 + 1.
        let list = PublishingTests.text(site, "school-J01-list-1.html")
        let headings = list.components(separatedBy: "\n").filter { $0.hasPrefix("<h2") }
        #expect(headings == ["<h2 id=\"class-1\">班级 1 (34)</h2>", "<h2 id=\"class-2\">班级 2 (33)</h2>", "<h2 id=\"class-3\">班级 3 (33)</h2>"])
        let firstClass = list.components(separatedBy: "<h2 id=\"class-2\">")[0].components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix(10)) }
        #expect(firstClass == stride(from: 0, to: 4_000, by: 120).map { String(format: "2026%06d", $0) })
        let school = PublishingTests.text(site, "school-J01.html")
        #expect((1...3).allSatisfy { school.contains("<a href=\"school-J01-list-1.html#class-\($0)\">\($0)</a>") })
        #expect(!site.files.contains { $0.path.contains("-classes-") })
    }

    /// A group cut by a page's ends is counted whole in its heading.
    @Test func aGroupCutByThePageIsCountedWhole() throws {
        let builder = try Builder(sink: SiteMemory(), results: SiteSearchTests.bigRun(80), page: SitePage(language: .en, notice: nil))
        let keys = ["A", "A", "A", "B", "B"]
        let html = builder.groupedTables(["id"], 1..<4, of: 0..<5, key: { keys[$0] }, title: { "school \($0)" }) { ["row\($0)"] }
        #expect(html.components(separatedBy: "\n").filter { $0.hasPrefix("<h2>") } == ["<h2>school A (3)</h2>", "<h2>school B (2)</h2>"])
        #expect(html.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix(4)) } == ["row1", "row2", "row3"])
    }
}
