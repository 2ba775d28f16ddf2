import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentZones

/// The languages of the published site and every text it shows, in one table: Chinese by
/// default (the public's language), English for `--lang en`.
package enum SiteLanguage: String, CaseIterable, Sendable {
    case zh, en

    /// The texts of the site, by key.
    package enum Key: String, CaseIterable, Sendable {
        case title, htmlLang, primary, junior, high, credentials, seed, contributions, canonicalText, checkSeed
        case commitment, commitmentNote, toolVersion, code, notRecorded, howToCheck, checkNumber, checkRun, checkScript, checkFiles
        case attempts, attemptsExplained, step, outcome, recorded, replaced, interrupted
        case search, searchButton, searchHint, notFound, schools, school, seats, applicantsFirst, placed, fillRate, cutoff
        case studentID, name, idNumber, status, choiceRank, tier, lotteryNumber, classNo, level, route, score
        case rowNumber, fullName, fullIDNumber, gender, male, female, headTeacher, classSheet, placementsSheet
        case admitted, reassigned, unplaced, classes, classCount, classBalance, headTeachers, teacher, size, boys, girls, meanScore
        case supervision, nearbyRate, nearbyExplained, reasons, reason, count, classSizes, largeClasses, none
        case quota, quotaAllocation, quotaAdmissions, quotaUnfilled, quotaShare, minimumShare, meetsMinimum, juniorSchool, highSchool
        case files, file, sha256, masking, maskingExplained, back, downloads, seatsVsApplicants, yes, no, applicants, measure, spread
        case notice, publicationPeriod, periodDays, office, telephone, appeal, menu, menuResults, menuSchools, howToCheckPage
        case contributionLabel, contributionValue, resultOf, choiceMet, noChoiceMet, lotteryMeans, checkMatch, checkMismatch
        case checking, checkUnavailable, computedNumber, publishedNumber, loadFailed, note, twinGroup, schoolList, page, previous, next
        case pupilsUnit, pointsUnit, classesUnit, chartText, perClassChart, meanScoreOf, careGroups, quotaSeatsPerHigh
        case claimFeeder, claimZone, claimNone, privateTier, explicitTier, withSibling, tierMeans, largeClassesMore, exceptLast
        case quotaRoute, openRoute, unplacedReason, noListedSeat, addressReview, unzoned, noHome, exactShare, basis, unfilled, goesTo
        case whatSeed, whatSeedText, whatCommitment, whatCommitmentText, whatLottery, whatLotteryText, threeCommands, threeCommandsText
        case checkInPage, checkInPageText, schoolsOfLevel, applicantsOfLevel, round, explainLink, highSchoolRoute, placedList, menuFiles, noClass
        case verdicts, indicator, resourcesBySchool, resourcesExplained, resourceSpread, standard, coefficient, secondRound, seatGroups, seatKind, seatsAll, seatsOpenExcept, seatsOpen, seatsReserved, seatsPurchased, filled, ofCategory, migrantShare, target, meetsTarget
        case preDrawTitle, drawDate, preDrawIntro, menuRoster, menuZones, menuPolicy, rosterOf, rosterCard, schoolsAndTiers, howListed
        case byClaim, noSchoolHeld, zone, zonesOf, zoneMap, addresses, address, kind, except
        case sector, publicSchool, privateSchool, boarding, purchasedPlaces, reservedSeats, feeds, policyRule, policyValue
        case mechanism, mechanismDA, mechanismIA, claimOrder, claimOrderText, claimOrderNoFeeder, priorityCategories, residenceOrder
        case siblingRule, tieRule, tieRuleText, ageRule, ageText, notSet, monthsRule, monthsText, reserveOrder, reservesFirst, openFirst
        case purchasedRule, reachRule, metres, wholeLevel, twinsRule, classCapRule, commitmentFiles, checkCommitment, rows, mapOmitted
        case unzonedNearest, overlapNote, unfilledRounding, unfilledNotTaken, unfilledNotTakenSecond, goesOpenRound, goesSecondRound
        case recordTitle, recordIntro, recordLinks, drawName, placementsFile, lastAdmittedTier, lastAdmittedNumber, signatures, signNotary, signBureau
        case signParents, signDate, capacity
        case ceremonyTitle, ceremonyOutline, schoolCount, firstChoices, willDraw, noneOversubscribed, sharedByLottery, seedStage
        case seedStageText, addContribution, undoContribution, drawStage, drawFigures, drawLine, keysHelp, ceremonyEnd, ceremonyNoRun
        case rosterNumber, ringRoster, ringSchoolRoster, ringSchoolNumber, ringSchoolStage, ringFigures, ringStage, ringStart, ringInterval, ringTake, ringEmptyList, ringStartOutOfRange
        case ringIntervalTooSmall, ringDiffers, ringOutline
        case emptyLabel, invalidLabel, duplicateLabel, emptyValue, lineFeedInValue, revealMismatch, awaiting, seedDiffers
    }

    /// The text of `key` in this language.
    package func text(_ key: Key) -> String {
        let (zh, en) = Self.table(key)
        return self == .zh ? zh : en
    }

    package static func table(_ key: Key) -> (String, String) {
        switch key {
        case .title: ("招生结果公示", "Published admission results")
        case .htmlLang: ("zh-CN", "en")
        case .primary: ("小学", "Primary")
        case .junior: ("初中", "Junior")
        case .high: ("高中", "High school")
        case .credentials: ("派位凭据", "Credentials of the draw")
        case .seed: ("种子", "Seed")
        case .contributions: ("种子来源(按公布顺序)", "Seed contributions (in the order announced)")
        case .canonicalText: ("规范文本", "Canonical text")
        case .checkSeed: ("核对种子", "Check the seed")
        case .commitment: ("输入承诺(派位前公布)", "Commitment to the inputs (published before the draw)")
        case .commitmentNote: ("承诺说明(时间、地点)", "Commitment note (when and where)")
        case .toolVersion: ("软件版本", "Tool version")
        case .code: ("代码标识", "Code identifier")
        case .notRecorded: ("未记录", "not recorded")
        case .attempts: ("全部派位记录", "Every attempt")
        case .attemptsExplained: ("本运行目录中的每一次派位都保留在记录中,包括被 --force 替换的和中途中断的;只有“有效”的结果在本页公示。",
                                  "Every draw made into this run folder stays listed, including those replaced with --force and those interrupted; only the results of the attempts marked in effect are published here.")
        case .step: ("步骤", "Step")
        case .outcome: ("结果", "Outcome")
        case .recorded: ("有效", "in effect")
        case .replaced: ("已被替换", "replaced")
        case .interrupted: ("中断", "interrupted")
        case .howToCheck: ("如何核对", "How to check")
        case .checkNumber: ("核对自己的随机号(DRAW 为 primary-placement 或 junior-placement,ID 为学籍号):", "Check your own lottery number (DRAW is primary-placement or junior-placement, ID your student_id):")
        case .checkRun: ("持有承诺时的输入数据者,用清单所记代码构建的 enroll 重新运行并逐字节比较:", "Whoever holds the case as committed re-runs and compares byte for byte, with an enroll built from the recorded code:")
        case .checkScript: ("不用本软件,重新计算每个公布的随机号:", "Without the tool, recompute every published lottery number:")
        case .checkFiles: ("核对本站文件未被改动:", "Check that the files of this site are unchanged:")
        case .search: ("查询结果", "Find a result")
        case .searchButton: ("查询", "Search")
        case .searchHint: ("输入学籍号", "Enter the student_id")
        case .notFound: ("未找到学籍号 %s", "No result for student_id %s")
        case .schools: ("学校", "Schools")
        case .school: ("学校", "School")
        case .seats: ("招生计划", "Seats")
        case .applicantsFirst: ("第一志愿人数", "First choice")
        case .placed: ("录取人数", "Placed")
        case .fillRate: ("计划完成率", "Fill rate")
        case .cutoff: ("最后录取(顺位/随机号)", "Cutoff (tier / lottery number)")
        case .studentID: ("学籍号", "student_id")
        case .name: ("姓名(脱敏)", "Name (masked)")
        case .idNumber: ("身份证号(脱敏)", "ID number (masked)")
        case .status: ("状态", "Status")
        case .choiceRank: ("志愿序号", "Choice")
        case .tier: ("入学顺位", "Tier")
        case .lotteryNumber: ("随机号", "Lottery number")
        case .classNo: ("班级", "Class")
        case .rowNumber: ("序号", "No.")
        case .fullName: ("姓名", "Name")
        case .fullIDNumber: ("身份证号", "ID number")
        case .gender: ("性别", "Gender")
        case .male: ("男", "M")
        case .female: ("女", "F")
        case .headTeacher: ("班主任", "Head teacher")
        case .classSheet: ("%1 %2班", "%1 class %2")
        case .placementsSheet: ("%1录取名单", "%1 placements")
        case .level: ("学段", "Level")
        case .route: ("录取方式", "Route")
        case .score: ("成绩", "Score")
        case .admitted: ("录取", "admitted")
        case .reassigned: ("统筹安排", "reassigned")
        case .unplaced: ("未安排", "unplaced")
        case .classes: ("班级名单", "Class lists")
        case .classCount: ("班级数", "Classes")
        case .classBalance: ("均衡编班", "Class balance")
        case .headTeachers: ("班主任抽签", "Head-teacher draw")
        case .teacher: ("教师编号", "Teacher")
        case .size: ("人数", "Size")
        case .boys: ("男生", "Boys")
        case .girls: ("女生", "Girls")
        case .meanScore: ("平均分", "Mean score")
        case .supervision: ("督导报告", "Supervision report")
        case .nearbyRate: ("就近入学比率", "Nearby admission rate")
        case .nearbyExplained: ("在本人学区学校或对口学校入学的人数 / 全部报名人数", "seated at a school of their zone or their feeder school / all applicants")
        case .reasons: ("统筹与未安排原因", "Reassigned and unplaced, by reason")
        case .reason: ("原因", "Reason")
        case .count: ("人数", "Count")
        case .classSizes: ("班额分布", "Classes by size")
        case .largeClasses: ("56人及以上大班额", "Classes of 56 or more")
        case .none: ("无", "none")
        case .secondRound: ("第二轮(补录)", "second round")
        case .verdicts: ("督导指标与达标情况", "Figures against their targets")
        case .indicator: ("指标", "Figure")
        case .resourcesBySchool: ("%1学校资源配置", "%1 schools' resources")
        case .resourcesExplained: ("每项指标列出低于或最接近标准的%1所学校,红色虚线为标准;全部学校的数值见数据文件。",
                                   "Each chart shows the %1 schools lowest on the figure, the standard drawn as a red dashed line; every school's values are in the data file.")
        case .resourceSpread: ("资源配置均衡(差异系数)", "Resources across schools (coefficients of variation)")
        case .standard: ("标准", "Standard")
        case .coefficient: ("差异系数", "Coefficient of variation")
        case .seatGroups: ("预留学位与政府购买学位", "Reserved seats and purchased places")
        case .seatKind: ("学位类别", "Kind of seats")
        case .seatsAll: ("全部学位", "all seats")
        case .seatsOpen: ("普通学位", "open seats")
        case .seatsOpenExcept: ("普通学位(%1已达上限)", "open seats, %1 at its cap")
        case .seatsReserved: ("预留学位(%1)", "seats reserved for %1")
        case .seatsPurchased: ("政府购买学位", "place purchased by the government")
        case .filled: ("已安排", "filled")
        case .ofCategory: ("其中本类别", "of the category")
        case .migrantShare: ("随迁子女在公办学校或政府购买学位就读比例", "Migrant children in public schools or purchased places")
        case .target: ("目标", "target")
        case .meetsTarget: ("是否达标", "meets the target")
        case .quota: ("指标到校", "Quota places")
        case .quotaAllocation: ("名额分配", "Quota allocation")
        case .quotaAdmissions: ("指标生录取", "Quota admissions")
        case .quotaUnfilled: ("未用名额", "Unfilled quota seats")
        case .quotaShare: ("分配比例", "Share of the plan")
        case .minimumShare: ("政策最低比例", "Policy minimum")
        case .meetsMinimum: ("达标", "Meets minimum")
        case .juniorSchool: ("初中", "Junior school")
        case .highSchool: ("高中", "High school")
        case .files: ("公开文件及其 SHA-256", "Published files and their SHA-256")
        case .file: ("文件", "File")
        case .sha256: ("SHA-256", "SHA-256")
        case .masking: ("个人信息脱敏", "Masking of personal data")
        case .maskingExplained: ("姓名只保留姓(复姓保留两字),其余以*代替;外文姓名只保留首字母;身份证号只保留前6位和后4位;学籍号不脱敏。每个CSV文件旁的同名JSON文件列出脱敏的列。", "Names keep only the surname (compound surnames whole), the rest is *; other names keep the first letter; id numbers keep the first 6 and last 4 characters; the student_id is not masked. The JSON file beside each CSV file lists its masked columns.")
        case .back: ("返回首页", "Back to the first page")
        case .downloads: ("数据下载", "Data")
        case .seatsVsApplicants: ("招生计划与第一志愿人数", "Seats and first-choice applicants")
        case .yes: ("是", "yes")
        case .no: ("否", "no")
        case .applicants: ("报名人数", "Applicants")
        case .measure: ("科目", "Measure")
        case .spread: ("班级均分极差", "Spread of class means")
        case .notice: ("公示", "Public notice")
        case .publicationPeriod: ("公示期", "Publication period")
        case .periodDays: ("%1 至 %2,共 %3 天", "%1 to %2, %3 days")
        case .office: ("监督部门", "Supervising office")
        case .telephone: ("监督电话", "Telephone")
        case .appeal: ("如何申诉", "How to appeal")
        case .menu: ("目录", "Menu")
        case .menuResults: ("查询", "Search")
        case .menuSchools: ("各校", "Schools")
        case .howToCheckPage: ("如何核对", "How to check")
        case .contributionLabel: ("来源", "Source")
        case .contributionValue: ("数值", "Value")
        case .resultOf: ("学籍号 %1 的结果", "Result for student_id %1")
        case .choiceMet: ("第 %1 志愿", "choice %1")
        case .noChoiceMet: ("不是所填志愿(统筹安排)", "not a school the family listed (reassigned)")
        case .lotteryMeans: ("同一学校、同一入学顺位的人数多于剩余学位时,随机号小的先录取。随机号只由公布的种子和学籍号算出,谁也无法事先选择。",
                             "Where more children of the same tier want a school than it has seats left, the smaller lottery number goes first. The number is computed from the published seed and the student_id alone; nobody can choose it in advance.")
        case .checkMatch: ("✓ 核对一致:本页用公布的种子重新计算了随机号,与公布的随机号相同。", "✓ Checked: this page recomputed the lottery number from the published seed, and it is the published one.")
        case .checkMismatch: ("✗ 核对不一致!本页用公布的种子算出的随机号与公布的随机号不同。请保存本页并拨打监督电话。",
                              "✗ Does not match! The lottery number this page computes from the published seed differs from the published one. Keep this page and call the supervising office.")
        case .checking: ("正在核对随机号……", "Checking the lottery number…")
        case .checkUnavailable: ("本页没有公布种子,无法核对随机号。", "The seed is not published here: the lottery number cannot be checked.")
        case .computedNumber: ("本页算出的随机号", "Computed by this page")
        case .publishedNumber: ("公布的随机号", "Published lottery number")
        case .loadFailed: ("无法读取查询数据文件 %1,请确认网站文件完整。", "The search data file %1 cannot be read; check that the site's files are complete.")
        case .note: ("说明", "Note")
        case .twinGroup: ("多胞胎共用随机号", "Twins share the lottery number of")
        case .schoolList: ("学校一览", "List of schools")
        case .page: ("第 %1 页,共 %2 页", "Page %1 of %2")
        case .previous: ("上一页", "Previous page")
        case .next: ("下一页", "Next page")
        case .pupilsUnit: ("人", "pupils")
        case .pointsUnit: ("分", "points")
        case .classesUnit: ("个班", "classes")
        case .chartText: ("图表的文字说明", "The chart in words")
        case .perClassChart: ("各班人数(男生、女生)与平均分", "Pupils per class (boys, girls) and mean score")
        case .meanScoreOf: ("平均分 %1 分", "mean %1 points")
        case .careGroups: ("关爱对象", "Care groups")
        case .quotaSeatsPerHigh: ("各高中指标到校名额", "Quota seats per high school")
        case .claimFeeder: ("对口直升", "feeder school")
        case .claimZone: ("学区内", "lives in the zone")
        case .claimNone: ("非学区", "lives outside the zone")
        case .privateTier: ("民办学校:全部随机派位", "private school: by lottery alone")
        case .explicitTier: ("教育局单独确定的顺位", "tier set by the bureau")
        case .withSibling: ("有兄弟姐妹在本校", "sibling at the school")
        case .tierMeans: ("顺位数字越小越优先", "the smaller tier goes first")
        case .largeClassesMore: ("另有 %1 个,见数据文件", "and %1 more: see the data file")
        case .exceptLast: ("以下为前 %1 个", "the first %1")
        case .quotaRoute: ("指标到校录取", "quota place")
        case .openRoute: ("统一招生录取", "open round")
        case .unplacedReason: ("全部公办学校学位已满(民办学校只录取报名该校的学生)", "every public school of the level is full (private schools admit only applicants who chose them)")
        case .noListedSeat: ("所填志愿学校均无学位", "no seat at a school on the applicant's list")
        case .addressReview: ("地址待人工核实", "address for review")
        case .unzoned: ("住址不在任何学区内", "home outside every zone")
        case .noHome: ("没有住址坐标或可划片的地址", "no home coordinates or zoned address")
        case .unfilledRounding: ("分配取整后未分到初中学校", "left by the rounding, given to no junior school")
        case .unfilledNotTaken: ("指标到校录取中无人录取", "not taken in the quota round")
        case .unfilledNotTakenSecond: ("第二轮指标录取中无人录取", "not taken in the second quota round")
        case .goesOpenRound: ("转入统一招生", "to the open round")
        case .goesSecondRound: ("转入第二轮指标录取", "to the second quota round")
        case .unzonedNearest: ("住址不在任何学区内(最近的学区 %1,相距 %2 米)", "home outside every zone (the nearest zone %1, %2 m away)")
        case .overlapNote: ("住址在学区图的重叠误差处,划入 %1(在其内 %2 米),而非 %3", "home where zones overlap by digitising noise: placed in %1 (%2 m inside it) rather than %3")
        case .exactShare: ("精确份额", "Exact share")
        case .basis: ("分配基数", "Basis")
        case .unfilled: ("未用名额", "Unfilled")
        case .goesTo: ("转入", "Goes to")
        case .whatSeed: ("什么是种子", "What the seed is")
        case .whatSeedText: ("种子是派位当天在公证人和家长代表面前公开产生的一串数字,由几方各自提供的数值合成。种子公布之前,报名名单已经锁定,所以任何人都无法为某个孩子挑选有利的种子。",
                             "The seed is a string of digits made in public on the day of the draw, before a notary and parents' representatives, from values that several parties bring. The list of applicants was fixed before the seed was known, so nobody could pick a seed to favour a child.")
        case .whatCommitment: ("什么是承诺", "What the commitment is")
        case .whatCommitmentText: ("承诺是派位之前公布的全部报名数据的“指纹”(SHA-256 摘要)。派位之后,哪怕名单只被改动了一个字,指纹也会完全不同,所以可以证明派位用的正是事先公布的名单。",
                                   "The commitment is the fingerprint (SHA-256 digest) of all the application data, published before the draw. Changing a single character of the data afterwards gives a completely different fingerprint, which proves the draw used the list as it was published.")
        case .whatLottery: ("什么是随机号", "What the lottery number is")
        case .whatLotteryText: ("每个孩子的随机号由种子、派位名称和学籍号算出(SHA-256),是64位的十六进制数。同一学校、同一顺位报名人数超过剩余学位时,随机号小的先录取。随机号与报名先后、填表顺序、电脑都无关,任何人都可以重算。",
                                "Each child's lottery number is computed from the seed, the draw's name and the student_id (with SHA-256): 64 hexadecimal digits. Where more children of one tier want a school than it has seats left, the smaller number goes first. The number does not depend on when or in which order anyone applied, or on the computer: anyone can recompute it.")
        case .threeCommands: ("三条命令核对全部结果", "Three commands to check everything")
        case .threeCommandsText: ("想核对全部结果的人(律师、家长代表、媒体)可以用下面三条命令:第一条用派位软件重新运行并逐字节比较,第二条不用本软件重算每个随机号,第三条核对本网站的文件没有被改动。",
                                  "Whoever wants to check the whole result (a lawyer, parents' representatives, the press) can run these three commands: the first re-runs the draw with the tool and compares byte for byte, the second recomputes every lottery number without the tool, the third checks that the files of this site are unchanged.")
        case .checkInPage: ("在本页核对自己的随机号", "Check your own number on this site")
        case .checkInPageText: ("在首页输入学籍号查询时,本页会用公布的种子重新计算随机号并显示是否一致。也可以在任何电脑上运行:",
                                "When you search for a student_id on the first page, the page recomputes the lottery number from the published seed and shows whether it matches. On any computer you can also run:")
        case .schoolsOfLevel: ("%1学校", "%1 schools")
        case .applicantsOfLevel: ("%1报名 %2 人", "%1: %2 applicants")
        case .round: ("招生批次", "Round")
        case .explainLink: ("种子、承诺和随机号是什么?如何核对?", "What are the seed, the commitment and the lottery number, and how to check them?")
        case .highSchoolRoute: ("录取方式", "Route")
        case .placedList: ("录取名单", "Placed applicants")
        case .noClass: ("未分班", "Not in a class")
        case .menuFiles: ("全部文件", "All files")
        case .preDrawTitle: ("招生公示(派位前)", "Published before the draw")
        case .drawDate: ("派位日期", "Date of the draw")
        case .recordTitle: ("派位结果确认书", "Record of the draw, for signature")
        case .recordIntro: ("下列数据均取自本次派位记录的结果文件,任何人可用 enroll verify 重新计算核对。随机号小者优先;录取线为最后一名录取者的入学顺位和随机号。",
                            "Every figure below is read from the files the draw recorded; anyone can recompute and check them with enroll verify. The smaller lottery number goes first; the cutoff is the last admitted applicant's tier and lottery number.")
        case .recordLinks: ("派位结果确认书(可打印签字)", "Records of the draw (to print and sign)")
        case .drawName: ("派位名称", "Draw")
        case .placementsFile: ("派位结果文件", "Placement file")
        case .lastAdmittedTier: ("最后录取者顺位", "Last admitted tier")
        case .lastAdmittedNumber: ("最后录取者随机号", "Last admitted lottery number")
        case .signatures: ("签字确认", "Signatures")
        case .signNotary: ("公证员", "Notary")
        case .signBureau: ("教育行政部门(盖章)", "Education bureau (seal)")
        case .signParents: ("家长代表", "Parents' representative")
        case .signDate: ("日期", "Date")
        case .capacity: ("学位数", "Seats")
        case .ceremonyTitle: ("义务教育招生电脑随机派位", "Computerised lottery of the school admission")
        case .ceremonyOutline: ("%1 · 本次派位概况", "%1 · the round in numbers")
        case .schoolCount: ("学校数", "Schools")
        case .firstChoices: ("第一志愿人数", "First choices")
        case .willDraw: ("第一志愿人数超过学位、将随机派位的学校", "Schools with more first choices than seats: a draw decides")
        case .noneOversubscribed: ("没有学校的第一志愿人数超过学位", "No school has more first choices than seats")
        case .sharedByLottery: ("多校划片且未填志愿、由派位分到片区学校的人数", "Applicants of zones of several schools who stated no choice, placed among their zone's schools by the draw")
        case .seedStage: ("现场生成种子", "The seed, made in the hall")
        case .seedStageText: ("各方依次宣读其数值,逐条输入;种子按公开的公式由全部数值算出,与 enroll seed 相同。",
                              "Each party announces its value in turn; type each as announced. The seed is computed from all of them by the published formula, as enroll seed computes it.")
        case .addContribution: ("添加", "Add")
        case .undoContribution: ("撤销上一条", "Undo the last")
        case .drawStage: ("各校派位结果", "The draw, school by school")
        case .drawFigures: ("学位 %1 · 顺位优先录取 %2 人 · 第 %3 顺位 %4 人参加派位,录取 %5 人", "%1 seats · %2 admitted by priority · tier %3: %4 applicants drew for %5 seats")
        case .drawLine: ("录取线", "the last seat")
        case .keysHelp: ("→ 或空格:下一页 ← :上一页 · 输入框中:Esc 退出后翻页", "→ or space: next · ←: back · in a text field: Esc first")
        case .ceremonyEnd: ("派位结束,请打印派位结果确认书签字", "The draw is over: print the records and sign them")
        case .ceremonyNoRun: ("派位完成后,以 enroll ceremony … --run 运行文件夹 重新生成本页,显示各校派位结果。",
                              "Once the draw has run, make this folder again with enroll ceremony … --run RUN to show each school's draw.")
        case .rosterNumber: ("序号", "No.")
        case .ringOutline: ("本学段采用“起始号 + 间隔数”派位:起始号和间隔数由现场抽取,名单序号见招生公示", "This level is placed by a ring draw: the start number and interval are drawn here; the numbered list is the one published before the draw")
        case .ringStage: ("起始号 + 间隔数派位", "Ring draw (start number + interval)")
        case .ringStart: ("起始号", "Start number")
        case .ringInterval: ("间隔数", "Interval")
        case .ringTake: ("排序", "Take")
        case .ringEmptyList: ("名单为空,无人可抽", "The numbered list is empty; there is nobody to select")
        case .ringStartOutOfRange: ("起始号 %1 不在名单内,应为 1 至 %2", "Start number %1 is not on the list; it must be from 1 to %2")
        case .ringIntervalTooSmall: ("间隔数 %1 太小,至少为 1", "Interval %1 is too small; it must be 1 or more")
        case .ringDiffers: ("与派位记录的起始号 %1、间隔数 %2 不一致!", "Differs from the start number %1 and interval %2 the draw recorded!")
        case .ringFigures: ("起始号 %1 · 间隔数 %2:按抽中先后排序", "start number %1 · interval %2: in the order taken")
        case .ringRoster: ("本学段采用“起始号 + 间隔数”方式派位:报名学生按学籍号顺序编号 1 至 n(本名单的序号),派位当天现场抽取起始号和间隔数,从起始号起每隔若干个未被抽中的序号抽取一人,依次排定录取顺序。",
                           "This level is placed by a ring draw (起始号 + 间隔数): the applicants are numbered 1 to n in student-id order (the No. of this list); on the day of the draw a start number and an interval are drawn in the hall, and the applicants are taken from the start number on, each next one the interval-th number not yet taken, in that order.")
        case .ringSchoolRoster: ("%1 采用“起始号 + 间隔数”方式派位:志愿或片区含该校的学生按学籍号顺序编号 1 至 n(名单中该校后的序号),派位当天现场为该校抽取起始号和间隔数,依次排定该校的录取顺序;其他学校按电脑随机号派位。",
                                 "%1 place by a ring draw (起始号 + 间隔数) of their own: the applicants whose list holds the school are numbered 1 to n in student-id order (the No. after the school in this list); on the day of the draw a start number and an interval are drawn in the hall for the school, and its applicants are taken in that order. The other schools place by the lottery.")
        case .ringSchoolNumber: ("序号 %1", "No. %1")
        case .ringSchoolStage: ("%1 · 起始号 + 间隔数派位", "%1 · ring draw (start number + interval)")
        case .emptyLabel: ("请先输入来源(例如:公证员)", "Type who contributes first (for example: notary)")
        case .invalidLabel: ("来源不能含冒号", "The label cannot contain a colon")
        case .duplicateLabel: ("来源“%1”已输入过,每方只能输入一次", "'%1' is already listed: each party contributes once")
        case .emptyValue: ("请输入“%1”的数值", "Type the value of '%1'")
        case .lineFeedInValue: ("数值须在一行内", "The value must be on one line")
        case .revealMismatch: ("“%1”的数值与其事先公布的承诺不一致!", "The value of '%1' does not match its published commitment!")
        case .awaiting: ("尚待揭示:%1", "Still to reveal: %1")
        case .seedDiffers: ("现场生成的种子与派位记录的种子 %1 不一致!", "The seed made in the hall differs from the seed the draw recorded, %1!")
        case .preDrawIntro: ("下列报名名单在派位之前公布,派位使用的正是这份名单:派位后公布的结果带有同一个承诺(输入数据的指纹)。请输入学籍号查询本人的报名信息,核对所报学校和入学顺位;如有错误,请在派位之前按公示要求提出。",
                             "The applicants below are published before the draw, and the draw uses this very list: the results published after it carry the same commitment (the fingerprint of the inputs). Enter the student_id to find a registration, check its schools and tiers, and if anything is wrong, appeal as the notice says before the draw.")
        case .menuRoster: ("报名查询", "Look up")
        case .menuZones: ("学区划分", "Zones")
        case .menuPolicy: ("招生政策", "Policy")
        case .rosterOf: ("%1报名名单", "%1 applicants")
        case .rosterCard: ("%1 的报名信息", "Registration of %1")
        case .schoolsAndTiers: ("报名学校及入学顺位", "Schools and tiers")
        case .howListed: ("来源", "How")
        case .byClaim: ("对口或学区学校", "feeder or zone school")
        case .noSchoolHeld: ("未填志愿,也没有对口或学区学校:派位后由教育局统筹安排", "no school listed or claimed: the bureau places the child after the draw")
        case .zone: ("学区", "Zone")
        case .zonesOf: ("%1学区划分", "%1 attendance zones")
        case .zoneMap: ("学区图", "Map of the zones")
        case .addresses: ("学区地址范围", "Addresses of the zones")
        case .address: ("地址", "Address")
        case .kind: ("类型", "Kind")
        case .except: ("除", "except")
        case .sector: ("办学性质", "Sector")
        case .publicSchool: ("公办", "public")
        case .privateSchool: ("民办", "private")
        case .boarding: ("寄宿制", "Boarding")
        case .purchasedPlaces: ("政府购买学位", "Purchased places")
        case .reservedSeats: ("预留学位", "Reserved seats")
        case .feeds: ("对口初中", "Paired junior school")
        case .policyRule: ("规则", "Rule")
        case .policyValue: ("本次招生", "In this round")
        case .mechanism: ("录取方式", "Mechanism")
        case .mechanismDA: ("按志愿和顺位统一录取(延迟接受):填报志愿不会使孩子失去学区学位", "deferred acceptance: listing choices never costs a child the zone's seat")
        case .mechanismIA: ("志愿优先(先录取第一志愿)", "immediate acceptance: first choices first")
        case .claimOrder: ("顺位先看与学校的关系", "Priority first by the claim on the school")
        case .claimOrderText: ("对口直升 > 学区内 > 学区外", "feeder pupils > zone residents > others")
        case .claimOrderNoFeeder: ("学区内 > 学区外", "zone residents > others")
        case .priorityCategories: ("再看优先类别(依次)", "then priority categories (in order)")
        case .residenceOrder: ("学区内再看居住情况(依次)", "then, in the zone, residence (in order)")
        case .siblingRule: ("兄弟姐妹已在该校就读的优先", "a sibling already at the school goes first")
        case .tieRule: ("同一顺位人数多于学位时", "Where one tier has more children than seats")
        case .tieRuleText: ("按随机号从小到大录取,随机号由派位当天公开产生的种子算出", "the smaller lottery number goes first, computed from the seed made in public on the day of the draw")
        case .ageRule: ("入学年龄", "Age at entry")
        case .ageText: ("%1年入学:%2 前满 %3 周岁", "intake %1: aged %3 on %2")
        case .notSet: ("未设定", "not set")
        case .monthsRule: ("居住证、社保月数要求", "Months of residence permit and insurance")
        case .monthsText: ("%1:居住证满 %2 个月,社保满 %3 个月", "%1: permit %2 months, insurance %3 months")
        case .reserveOrder: ("预留学位的录取顺序", "Order of open and reserved seats")
        case .reservesFirst: ("先录取预留学位,再录取普通学位", "reserved seats first, then open seats")
        case .openFirst: ("先录取普通学位,再录取预留学位", "open seats first, then reserved seats")
        case .purchasedRule: ("政府购买学位适用对象", "Purchased places are for")
        case .reachRule: ("统筹安排最远距离", "Furthest reassignment")
        case .metres: ("米", "m")
        case .wholeLevel: ("全县(市)范围", "the whole level")
        case .twinsRule: ("多胞胎共用一个随机号", "Twins share one lottery number")
        case .classCapRule: ("班额上限", "Class size limit")
        case .commitmentFiles: ("承诺覆盖的文件", "Files the commitment covers")
        case .checkCommitment: ("任何人都可以用同一份数据重算承诺,结果必须与上面一致:", "Anyone can recompute the commitment from the same data; it must equal the one above:")
        case .rows: ("行数", "Rows")
        case .mapOmitted: ("本学段学区按地址范围公布,没有地图。", "The zones of this level are published as address lists, without a map.")
        }
    }

    /// The words for a care group, priority category, residence tie or subject key of the
    /// case files, or a step of the manifest; nil for a key the table does not know (shown as
    /// written in the case).
    package func word(forKey key: String) -> String? {
        guard let pair = Self.keyWords[key] else { return nil }
        return self == .zh ? pair.0 : pair.1
    }

    package static let keyWords: [String: (String, String)] = [
        "disabled": ("残疾", "disabled"), "left_behind": ("留守儿童", "left-behind"), "migrant": ("随迁子女", "migrant family"),
        "military": ("军人子女", "military family"), "martyr": ("烈士子女", "martyr's family"), "talent": ("引进人才子女", "recruited talent's family"),
        "hukou_and_property": ("房户一致", "household registration and home"), "hukou": ("户籍在学区", "household registration"),
        "property": ("房产在学区", "home owned"), "residence_permit": ("居住证", "residence permit"), "other": ("其他居住情况", "other residence"),
        "place": ("派位", "Placement"), "classes": ("均衡编班", "Classes"), "quota": ("指标到校", "Quota places"),
        "nearby_admission": ("就近入学比例(城区、镇区公办学校,不含寄宿制学校)", "nearby admission (urban and town public schools, boarding ones left out)"),
        "out_of_zone_public": ("公办学校跨片区入学比例", "admissions outside the zone at public schools"),
        "large_classes": ("56人及以上大班额", "classes of 56 or more"), "classes_46_to_55": ("46至55人班级", "classes of 46 to 55"),
        "quota_share": ("优质高中指标到校比例", "share of quality high-school places given as quotas"),
        "migrants_public_or_purchased": ("随迁子女在公办学校或政府购买学位就读比例", "migrant children in public schools or purchased places"),
        "disabled_placed": ("残疾儿童入学安置比例", "disabled children placed"),
        "schools_meeting_resources": ("资源配置达标学校比例(7项中至少6项达标、其余不低于85%)", "schools meeting the resource standard (6 of 7, none below 85 %)"),
        "resource_spread": ("资源配置综合差异系数", "comprehensive coefficient of variation of resources"),
        "senior_teachers": ("每百名学生高于规定学历教师数", "teachers above the required degree per 100 pupils"),
        "key_teachers": ("每百名学生县级及以上骨干教师数", "key teachers (county or above) per 100 pupils"),
        "pe_arts_teachers": ("每百名学生体育、艺术专任教师数", "PE and arts teachers per 100 pupils"),
        "teaching_area_m2": ("生均教学及辅助用房面积(平方米)", "teaching and auxiliary rooms per pupil (m²)"),
        "sports_area_m2": ("生均体育运动场馆面积(平方米)", "sports grounds per pupil (m²)"),
        "equipment_value_yuan": ("生均教学仪器设备值(元)", "teaching equipment per pupil (yuan)"),
        "multimedia_classrooms": ("每百名学生网络多媒体教室数", "networked multimedia classrooms per 100 pupils"),
        "comprehensive": ("综合差异系数", "comprehensive coefficient"),
        "vacancies": ("空缺学位递补", "Vacancies"), "second-round": ("第二轮(补录)", "Second round"), "late-arrivals": ("插班", "Late arrivals"), "lottery": ("随机号", "Lottery numbers"),
        "street": ("街道门牌", "street numbers"), "compound": ("小区", "compound"), "village": ("村(社区)", "village"),
        "score": ("总分", "total score"), "chinese": ("语文", "Chinese"), "math": ("数学", "mathematics"), "english": ("英语", "English"),
    ]
}
