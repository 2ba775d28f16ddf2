import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound

/// The languages of the published site and every text it shows, in one table: Chinese by
/// default (the public's language), English for `--lang en`.
public enum SiteLanguage: String, CaseIterable, Sendable {
    case zh, en

    /// The texts of the site, by key.
    public enum Key: String, CaseIterable, Sendable {
        case title, htmlLang, primary, junior, high, credentials, seed, contributions, canonicalText, checkSeed
        case commitment, commitmentNote, toolVersion, code, notRecorded, howToCheck, checkNumber, checkRun, checkScript, checkFiles
        case attempts, attemptsExplained, step, outcome, recorded, replaced, interrupted
        case search, searchButton, searchHint, notFound, schools, school, seats, applicantsFirst, placed, fillRate, cutoff
        case studentID, name, idNumber, status, choiceRank, tier, lotteryNumber, classNo, level, route, score
        case admitted, reassigned, unplaced, classes, classCount, classBalance, headTeachers, teacher, size, boys, girls, meanScore
        case supervision, nearbyRate, nearbyExplained, reasons, reason, count, classSizes, largeClasses, none
        case quota, quotaAllocation, quotaAdmissions, quotaUnfilled, quotaShare, minimumShare, meetsMinimum, juniorSchool, highSchool
        case files, file, sha256, masking, maskingExplained, back, downloads, seatsVsApplicants, yes, no, applicants, measure, spread
    }

    /// The text of `key` in this language.
    public func text(_ key: Key) -> String {
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
        }
    }
}
