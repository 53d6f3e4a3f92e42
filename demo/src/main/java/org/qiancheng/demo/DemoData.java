package org.qiancheng.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data set of {@code ./qiancheng demo}, written into a running platform the way its people would
 * write it: the first administrator logs in with the initial password, changes it and creates one user
 * per business role; then, with "today" moved step by step through the year by the platform's clock
 * configuration ({@code etc/org.qiancheng.clock.config}, as an operator moves it for a training
 * environment), the clerks file classes before they start and enrol trainees, record attendance while
 * the classes run, record outcomes and compute claims after they end; the reviewer approves or rejects,
 * finance pays advances and balances and settles a month; a policy administrator pins Jiangsu's plan.
 * At the end a Xi'an clerk publishes the year's training plan (and drafts next year's).
 * Only the REST API is used, every call under the session of the user who acts. At the end the clock
 * file is removed, so the platform runs on real time again, and everything written is consistent with
 * that day: classes ahead are filed only, running classes have attendance up to today.
 *
 * <p>Every date is relative to the platform's "today" when the seeding starts ({@code T}): the year
 * before it holds the classes; two start after it.
 *
 * <p>Usage: {@code java -cp 'demo/*' org.qiancheng.demo.DemoData <api base> <home> <admin initial password> <password>}
 * (the base like {@code http://127.0.0.1:8080/api/v1}).
 */
public final class DemoData {

    /** The demo users' password when none is given. */
    public static final String DEFAULT_PASSWORD = "Qiancheng-Demo-2026!";
    /** The initial password the security administrator gives each user (changed at the first login). */
    static final String INITIAL = "Initial-Demo-2026#";
    static final String CLOCK_FILE = "org.qiancheng.clock.config";
    /** Days between the steps of the clock. */
    static final int STEP = 14;

    /** A demo user: username, role, regions, and who it is in both languages. */
    public record User(String username, String role, List<String> regions, String zh, String en) {
    }

    /** The users, in the order the table shows them. */
    public static final List<User> USERS = List.of(
            new User("admin", "SECURITY_ADMIN", List.of("100000"), "安全管理员（用户与权限）", "Security administrator (users, roles)"),
            new User("clerk-sc", "CLERK", List.of("510000"), "四川经办", "Clerk, Sichuan"),
            new User("clerk-xa", "CLERK", List.of("610100"), "西安经办", "Clerk, Xi'an"),
            new User("clerk-js", "CLERK", List.of("320000"), "江苏经办", "Clerk, Jiangsu"),
            new User("reviewer", "REVIEWER", List.of("100000"), "审核", "Reviewer"),
            new User("finance", "FINANCE", List.of("100000"), "拨付（财务）", "Finance"),
            new User("policy-a", "POLICY_ADMIN", List.of("100000"), "政策管理员甲", "Policy administrator A"),
            new User("policy-b", "POLICY_ADMIN", List.of("100000"), "政策管理员乙", "Policy administrator B"),
            new User("auditor", "AUDITOR", List.of("100000"), "审计员（只读）", "Auditor (read only)"));

    /** What a class has been through by today. */
    enum Stage {
        /** filed, trainees enrolled, starts after today */
        UPCOMING,
        /** running today, attendance up to today */
        RUNNING,
        /** ended, attendance recorded, no outcomes yet */
        ENDED,
        /** ended, outcomes recorded, claims not computed */
        OUTCOMES,
        /** claims computed, awaiting review */
        COMPUTED,
        /** Jiangsu: claims computed, the advance paid, awaiting review */
        ADVANCED,
        /** claims approved (flagged ones approved with a reason or rejected), not paid */
        APPROVED,
        /** approved and the balance paid (Jiangsu: the advance first) */
        PAID,
        /** claims computed by the month's settlement, approved and paid */
        SETTLED
    }

    /** An institution of the directory. */
    record Institution(String key, String name, String region, String clerk, String creditGrade) {
    }

    /**
     * A class of the plan.
     *
     * @param policyRegion the project's region (the policy's)
     * @param region the class's district
     * @param start days from today to the first day
     * @param low share of trainees who attend too little (their claims are FLAGGED)
     */
    record Plan(String key, String clerk, String policyRegion, String institution, String region, String occupation,
            String occupationName, String level, String kind, String mode, int start, int days, int hours, int trainees,
            double low, Stage stage) {
    }

    static final List<Institution> INSTITUTIONS = List.of(
            new Institution("cd-jc", "成都市锦城职业技能培训学校", "510104", "clerk-sc", "A"),
            new Institution("cd-tf", "成都天府新区技工学校", "510107", "clerk-sc", "AA"),
            new Institution("dy-df", "德阳市东方技工培训中心", "510603", "clerk-sc", "A"),
            new Institution("my-kc", "绵阳市科创职业培训学校", "510703", "clerk-sc", "B"),
            new Institution("cd-bl", "成都市某某速成培训部", "510106", "clerk-sc", "C"),
            new Institution("xa-ky", "西安市康养职业技能培训学校", "610113", "clerk-xa", "A"),
            new Institution("xa-qc", "西安秦川技工学校", "610112", "clerk-xa", "AA"),
            new Institution("xa-xc", "西安市新城区社区职业培训中心", "610102", "clerk-xa", "B"),
            new Institution("nj-jl", "南京金陵智能制造培训中心", "320102", "clerk-js", "AA"),
            new Institution("sz-yq", "苏州工业园区技能培训学院", "320505", "clerk-js", "A"),
            new Institution("nj-gl", "南京市鼓楼区家政养老培训学校", "320106", "clerk-js", "A"));

    /** The blacklisted institution (K4): listed, no classes. */
    static final String BLACKLISTED = "cd-bl";

    static final List<Plan> PLANS = List.of(
            // Sichuan 四川: projects of the province, classes in Chengdu, Deyang, Mianyang
            new Plan("SC-01", "clerk-sc", "510000", "cd-jc", "510104", "6-31-01-03", "电工", "JUNIOR", "GENERAL", "OFFLINE", -328, 10, 80, 22, 0.0, Stage.PAID),
            new Plan("SC-02", "clerk-sc", "510000", "dy-df", "510603", "6-18-02-04", "焊工", "INTERMEDIATE", "GENERAL", "OFFLINE", -286, 8, 64, 18, 0.05, Stage.PAID),
            new Plan("SC-03", "clerk-sc", "510000", "cd-tf", "510107", "4-03-02-01", "中式烹调师", "JUNIOR", "GENERAL", "OFFLINE", -244, 8, 64, 24, 0.12, Stage.PAID),
            new Plan("SC-04", "clerk-sc", "510000", "my-kc", "510703", "4-10-01-05", "养老护理员", "JUNIOR", "GENERAL", "MIXED", -202, 10, 80, 20, 0.2, Stage.APPROVED),
            new Plan("SC-05", "clerk-sc", "510000", "cd-jc", "510108", "4-04-05-05", "人工智能训练师", "JUNIOR", "GENERAL", "MIXED", -160, 8, 64, 16, 0.0, Stage.PAID),
            new Plan("SC-06", "clerk-sc", "510000", "my-kc", "510703", "4-12-01-01", "汽车维修工", "INTERMEDIATE", "GENERAL", "OFFLINE", -118, 10, 80, 19, 0.05, Stage.SETTLED),
            new Plan("SC-07", "clerk-sc", "510000", "cd-tf", "510105", "4-01-02-02", "电子商务师", "JUNIOR", "GENERAL", "ONLINE_ONLY", -76, 8, 64, 23, 0.08, Stage.COMPUTED),
            new Plan("SC-08", "clerk-sc", "510000", "cd-jc", "510106", "4-04-05-03", "数据标注员", "JUNIOR", "GENERAL", "MIXED", -48, 7, 56, 17, 0.4, Stage.COMPUTED),
            new Plan("SC-09", "clerk-sc", "510000", "cd-tf", "510107", "4-02-07-10", "民用无人驾驶航空器操控员", "JUNIOR", "GENERAL", "OFFLINE", -34, 10, 80, 15, 0.05, Stage.OUTCOMES),
            new Plan("SC-10", "clerk-sc", "510000", "dy-df", "510603", "4-10-01-06", "家政服务员", "JUNIOR", "GENERAL", "OFFLINE", -6, 14, 112, 21, 0.1, Stage.RUNNING),
            new Plan("SC-11", "clerk-sc", "510000", "cd-jc", "510104", "4-10-01-05", "养老护理员", "INTERMEDIATE", "GENERAL", "OFFLINE", 8, 10, 80, 20, 0.0, Stage.UPCOMING),
            // Xi'an 西安: the city's programme, elder care first
            new Plan("XA-01", "clerk-xa", "610100", "xa-ky", "610113", "4-10-01-05", "养老护理员(养老服务员)", "JUNIOR", "GENERAL", "OFFLINE", -300, 8, 64, 20, 0.05, Stage.PAID),
            new Plan("XA-02", "clerk-xa", "610100", "xa-xc", "610102", "4-14-02-05", "老年人能力评估师", "JUNIOR", "GENERAL", "MIXED", -230, 8, 64, 16, 0.15, Stage.PAID),
            new Plan("XA-03", "clerk-xa", "610100", "xa-qc", "610112", "6-30-99-00", "工业机器人系统操作员", "INTERMEDIATE", "GENERAL", "OFFLINE", -139, 10, 80, 18, 0.05, Stage.PAID),
            new Plan("XA-04", "clerk-xa", "610100", "xa-ky", "610103", "4-14-01-03", "健康照护师(长期照护)", "JUNIOR", "GENERAL", "OFFLINE", -62, 8, 64, 16, 0.35, Stage.COMPUTED),
            new Plan("XA-05", "clerk-xa", "610100", "xa-qc", "610104", "6-31-01-03", "电工", "JUNIOR", "GENERAL", "OFFLINE", -20, 8, 64, 22, 0.05, Stage.ENDED),
            new Plan("XA-06", "clerk-xa", "610100", "xa-xc", "610113", "4-01-02-07", "互联网营销师", "JUNIOR", "GENERAL", "MIXED", -3, 10, 80, 24, 0.1, Stage.RUNNING),
            // Jiangsu 江苏: the 2019–2021 plan kept in force by a pin (advances for enterprise and project-based training)
            new Plan("JS-01", "clerk-js", "320000", "nj-jl", "320102", "6-30-99-00", "工业机器人系统操作员", "JUNIOR", "ENTERPRISE", "OFFLINE", -258, 10, 80, 18, 0.0, Stage.PAID),
            new Plan("JS-02", "clerk-js", "320000", "sz-yq", "320505", "6-31-01-03", "电工", "JUNIOR", "PROJECT", "OFFLINE", -104, 8, 64, 20, 0.05, Stage.ADVANCED),
            new Plan("JS-03", "clerk-js", "320000", "nj-gl", "320106", "4-10-01-05", "养老护理员", "JUNIOR", "GENERAL", "OFFLINE", -55, 8, 64, 16, 0.1, Stage.APPROVED),
            new Plan("JS-04", "clerk-js", "320000", "nj-jl", "320105", "4-01-02-02", "电子商务师", "JUNIOR", "GENERAL", "MIXED", 15, 10, 80, 19, 0.0, Stage.UPCOMING));

    /** Districts trainees of a class's city come from (their ID's address code). */
    static final Map<String, List<String>> DISTRICTS = Map.of(
            "5101", List.of("510104", "510105", "510106", "510107", "510108", "510112", "510116"),
            "5106", List.of("510603", "510604", "510623"),
            "5107", List.of("510703", "510704", "510705"),
            "6101", List.of("610102", "610103", "610104", "610111", "610112", "610113", "610116"),
            "3201", List.of("320102", "320104", "320105", "320106", "320113", "320115"),
            "3205", List.of("320505", "320506", "320507", "320508"));

    static final Map<String, List<String>> GROUPS = Map.of(
            "510000", List.of("MIGRANT_WORKER", "REGISTERED_UNEMPLOYED", "GRADUATE", "VETERAN"),
            "610100", List.of("REGISTERED_UNEMPLOYED", "MIGRANT_WORKER", "GRADUATE"),
            "320000", List.of("MIGRANT_WORKER", "REGISTERED_UNEMPLOYED", "GRADUATE"));

    private final Api api;
    private final Path home;
    private final String password;
    private final PrintStream out;
    private final ExecutorService pool = Executors.newFixedThreadPool(6);
    private final Map<String, Long> institutions = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final AtomicInteger advances = new AtomicInteger();
    private final AtomicInteger balances = new AtomicInteger();
    private final AtomicInteger checkIns = new AtomicInteger();
    private final Map<Integer, Long> timing = new TreeMap<>();
    private LocalDate today;
    private People people;
    private long settlementId;

    /** A class being walked through its life. */
    private static final class Run {
        final Plan plan;
        final LocalDate start;
        final LocalDate end;
        final Random random;
        long project;
        long id;
        List<Long> enrolments = new ArrayList<>();

        Run(Plan plan, LocalDate today) {
            this.plan = plan;
            this.start = today.plusDays(plan.start());
            this.end = start.plusDays(plan.days() - 1L);
            this.random = new Random(plan.key().hashCode());
        }
    }

    private DemoData(Api api, Path home, String password, PrintStream out) {
        this.api = api;
        this.home = home;
        this.password = password;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DemoData <api base, e.g. http://127.0.0.1:8080/api/v1> <QC_HOME> <admin initial password> [password]");
            System.exit(2);
        }
        long began = System.nanoTime();
        Summary summary = seed(args[0], Path.of(args[1]), args[2], args.length > 3 ? args[3] : DEFAULT_PASSWORD, System.out);
        System.out.printf("Demo data ready 演示数据已就绪 in %.0f s: %d classes 班级, %d trainees 学员, %d check-ins 考勤, %d claims 补贴申请, %d advances 预拨, %d balances 清算拨付%n",
                (System.nanoTime() - began) / 1e9, summary.classes(), summary.trainees(), summary.checkIns(), summary.claims(),
                summary.advances(), summary.balances());
        System.out.println();
        printUsers(System.out, args.length > 3 ? args[3] : DEFAULT_PASSWORD);
    }

    /** What was written, for the summary line and the tests. */
    public record Summary(LocalDate today, int classes, int trainees, int claims, int advances, int balances,
            int checkIns, int logins, int requests) {
    }

    /**
     * Seeds a fresh platform.
     *
     * @param base the API base, e.g. {@code http://127.0.0.1:8080/api/v1}
     * @param home the platform's home (its {@code etc/} receives the clock file while seeding)
     * @param adminInitial {@code QC_ADMIN_PASSWORD} of the first start
     * @param password what every demo user's password becomes
     */
    public static Summary seed(String base, Path home, String adminInitial, String password, PrintStream out)
            throws Exception {
        DemoData demo = new DemoData(new Api(base), home, password, out);
        try {
            return demo.run(adminInitial);
        } finally {
            demo.pool.shutdownNow();
        }
    }

    private Summary run(String adminInitial) throws Exception {
        if (Files.exists(clockFile())) {
            throw new IllegalStateException(clockFile() + " exists: the demo moves the clock itself; start on a fresh home");
        }
        hireStaff(adminInitial);
        today = platformToday("auditor");
        people = new People(20261206L, today);
        out.println("Today 今天 " + today + "; seeding 写入演示数据 …");
        for (Plan plan : PLANS) {
            runs.put(plan.key(), new Run(plan, today));
        }
        TreeMap<LocalDate, List<Step>> schedule = schedule();
        try {
            for (Map.Entry<LocalDate, List<Step>> day : schedule.entrySet()) {
                List<Step> steps = new ArrayList<>(day.getValue());
                steps.sort(Comparator.comparingInt(Step::phase));
                long t0 = System.nanoTime();
                clock(day.getKey(), steps.get(0).actor());
                timing.merge(-1, System.nanoTime() - t0, Long::sum);
                for (Step step : steps) {
                    long t1 = System.nanoTime();
                    step.work().run();
                    timing.merge(step.phase(), System.nanoTime() - t1, Long::sum);
                }
            }
        } finally {
            Files.deleteIfExists(clockFile());
        }
        LocalDate back = awaitToday("auditor", today);
        if (Boolean.getBoolean("qc.demo.timing")) {
            timing.forEach((phase, nanos) -> out.printf("  phase %d: %.1f s%n", phase, nanos / 1e9));
        }
        int claims = api.get("auditor", "/claims?limit=1").expect(200).body().get("total").asInt();
        return new Summary(back, runs.size(), runs.values().stream().mapToInt(r -> r.enrolments.size()).sum(), claims,
                advances.get(), balances.get(), checkIns.get(), api.logins(), api.requests());
    }

    // ----- the staff

    /**
     * Waits (3 minutes at most) until the platform answers a login: the health check answers as soon as
     * HTTP is up, the session resource a moment later.
     */
    private Api.Answer firstLogin(String adminInitial) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Api.Answer health = api.call(null, "GET", "/health", null, null);
                if (health.status() == 200) {
                    Api.Answer login = api.login("admin", adminInitial);
                    if (login.status() != 404 && login.status() != 503) {
                        return login;
                    }
                    last = login.status() + " " + login.raw().body();
                } else {
                    last = health.status() + " " + health.raw().body();
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform never answered a login within 3 minutes; last: " + last);
    }

    private void hireStaff(String adminInitial) throws Exception {
        Api.Answer first = firstLogin(adminInitial);
        if (first.status() != 201) {
            throw new IllegalStateException("the first login of admin failed (" + first.status()
                    + "): is this a fresh home started with QC_ADMIN_PASSWORD? " + first.raw().body());
        }
        String token = first.body().get("token").asText();
        changePassword(token, adminInitial);
        api.user("admin", password, token);
        // each user's creation and first login hash passwords (PBKDF2): side by side
        List<Future<?>> calls = new ArrayList<>();
        for (User user : USERS) {
            if (user.username().equals("admin")) {
                continue;
            }
            ObjectNode draft = Api.JSON.createObjectNode().put("username", user.username()).put("password", INITIAL);
            draft.putArray("roles").add(user.role());
            user.regions().forEach(draft.withArray("regions")::add);
            calls.add(pool.submit(() -> {
                api.post("admin", "/users", draft).expect(201);
                Api.Answer login = api.login(user.username(), INITIAL).expect(201);
                String userToken = login.body().get("token").asText();
                changePassword(userToken, INITIAL);
                api.user(user.username(), password, userToken);
                return null;
            }));
        }
        await(calls);
        out.println("Users 用户: " + USERS.stream().map(User::username).toList());
    }

    /** The users, their roles and regions, as a table. */
    public static void printUsers(PrintStream out, String password) {
        out.printf("  %-10s %-40s %s%n", "user 用户", "role 角色", "regions 地区");
        for (User user : USERS) {
            out.printf("  %-10s %-40s %s%n", user.username(), user.zh() + " " + user.en(),
                    String.join(",", user.regions()) + " " + regionName(user.regions().get(0)));
        }
        out.println("  密码 password (all users 所有用户): " + password);
    }

    private static String regionName(String code) {
        return switch (code) {
            case "100000" -> "全国 all regions";
            case "510000" -> "四川省 Sichuan";
            case "610100" -> "西安市 Xi'an";
            case "320000" -> "江苏省 Jiangsu";
            default -> "";
        };
    }

    private void changePassword(String token, String current) throws IOException, InterruptedException {
        String body = Api.JSON.createObjectNode().put("currentPassword", current).put("newPassword", password).toString();
        api.call(token, "PUT", "/session/password", body, "application/json").expect(200, 204);
    }

    // ----- the clock

    private Path clockFile() {
        return home.resolve("etc").resolve(CLOCK_FILE);
    }

    /** Moves "today" to the day (00:00 UTC, 08:00 in Asia/Shanghai) and waits until the platform reads it. */
    private void clock(LocalDate day, String user) throws Exception {
        Path aside = home.resolve(CLOCK_FILE + ".tmp"); // outside etc/, which FileInstall watches
        Files.writeString(aside, "fixedInstant=\"" + day + "T00:00:00Z\"\n", StandardCharsets.UTF_8);
        Files.move(aside, clockFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        awaitToday(user, day);
    }

    private LocalDate awaitToday(String user, LocalDate day) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        LocalDate read;
        do {
            read = platformToday(user);
            if (read.equals(day)) {
                return read;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the platform's clock never read " + day + "; it reads " + read);
    }

    /** The platform's "today": the day the national catalogue is answered for. */
    private LocalDate platformToday(String user) throws Exception {
        return LocalDate.parse(api.get(user, "/regions/100000/catalog").expect(200).body().get("on").asText());
    }

    // ----- the schedule

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** One thing done on a day: by whom, in which order among that day's steps. */
    record Step(int phase, String actor, Work work) {
    }

    /** The latest step day on or before the day (days are today minus multiples of {@link #STEP}). */
    private LocalDate onOrBefore(LocalDate day) {
        long back = ChronoUnit.DAYS.between(day, today);
        return today.minusDays(Math.floorDiv(back + STEP - 1, STEP) * STEP);
    }

    /** The earliest step day on or after the day, never after today. */
    private LocalDate onOrAfter(LocalDate day) {
        long back = ChronoUnit.DAYS.between(day, today);
        return back <= 0 ? today : today.minusDays(Math.floorDiv(back, STEP) * STEP);
    }

    private TreeMap<LocalDate, List<Step>> schedule() {
        TreeMap<LocalDate, List<Step>> days = new TreeMap<>();
        LocalDate first = runs.values().stream().map(r -> onOrBefore(r.start.minusDays(5))).min(LocalDate::compareTo)
                .orElseThrow();
        add(days, first, 0, "policy-a", this::pinJiangsu);
        for (Institution institution : INSTITUTIONS) {
            add(days, first, 1, institution.clerk(), () -> institution(institution));
        }
        for (Run run : runs.values()) {
            Plan plan = run.plan;
            Stage stage = plan.stage();
            add(days, onOrBefore(run.start.minusDays(5)), 2, plan.clerk(), () -> file(run));
            if (stage == Stage.UPCOMING) {
                continue;
            }
            if (stage == Stage.RUNNING) {
                add(days, today, 3, plan.clerk(), () -> attend(run, today));
                continue;
            }
            LocalDate after = onOrAfter(run.end.plusDays(9));
            add(days, after, 3, plan.clerk(), () -> attend(run, run.end));
            if (stage == Stage.ENDED) {
                continue;
            }
            add(days, after, 4, plan.clerk(), () -> outcomes(run, after));
            if (stage == Stage.OUTCOMES) {
                continue;
            }
            if (stage == Stage.SETTLED) {
                add(days, after, 5, "finance", () -> settle(run));
            } else {
                add(days, after, 5, plan.clerk(), () -> claims(run));
            }
            if (plan.kind().equals("ENTERPRISE") || plan.kind().equals("PROJECT")) {
                add(days, after, 6, "finance", () -> advances(run));
            }
            if (stage == Stage.COMPUTED || stage == Stage.ADVANCED) {
                continue;
            }
            LocalDate review = onOrAfter(after.plusDays(1));
            add(days, review, 7, "reviewer", () -> review(run));
            if (stage == Stage.APPROVED) {
                continue;
            }
            add(days, onOrAfter(review.plusDays(1)), 8, "finance", () -> balances(run));
        }
        add(days, today, 9, "policy-a", this::compareSichuan);
        add(days, today, 9, "clerk-xa", this::planXian);
        return days;
    }

    private static void add(TreeMap<LocalDate, List<Step>> days, LocalDate day, int phase, String actor, Work work) {
        days.computeIfAbsent(day, d -> new ArrayList<>()).add(new Step(phase, actor, work));
    }

    // ----- the steps

    private void pinJiangsu() throws Exception {
        // Jiangsu's 2019–2021 plan is the only Jiangsu version installed; pinned, it keeps deciding
        // Jiangsu's classes (with its advances, JS4) instead of the national policy
        api.as("policy-a", "PUT", "/policies/320000/pin", "{\"version\": \"2019.1.0\"}", "application/json").expect(200);
    }

    private void institution(Institution institution) throws Exception {
        ObjectNode draft = Api.JSON.createObjectNode().put("name", institution.name())
                .put("regionCode", institution.region()).put("creditGrade", institution.creditGrade());
        Api.Answer created = api.post(institution.clerk(), "/institutions", draft).expect(201);
        long id = created.body().get("id").asLong();
        institutions.put(institution.key(), id);
        if (institution.key().equals(BLACKLISTED)) {
            api.as(institution.clerk(), "PUT", "/institutions/" + id + "/status", "{\"status\": \"BLACKLISTED\"}",
                    "application/json", "If-Match", created.etag()).expect(200);
        }
    }

    private void file(Run run) throws Exception {
        Plan plan = run.plan;
        String clerk = plan.clerk();
        String year = String.valueOf(run.start.getYear());
        ObjectNode project = Api.JSON.createObjectNode().put("regionCode", plan.policyRegion())
                .put("name", year + "年" + projectPrefix(plan) + plan.occupationName() + "(" + levelZh(plan.level()) + ")培训项目")
                .put("occupationCode", plan.occupation()).put("level", plan.level())
                .put("headcount", 20 * (2 + run.random.nextInt(8)))
                .put("evaluationDirection", "职业技能等级认定").put("employmentDirection", "本地重点产业链企业");
        Api.Answer draft = api.post(clerk, "/projects", project).expect(201);
        run.project = draft.body().get("id").asLong();
        api.as(clerk, "POST", "/projects/" + run.project + "/publish", null, null, "If-Match", draft.etag()).expect(200);
        ObjectNode course = Api.JSON.createObjectNode().put("projectId", run.project)
                .put("institutionId", institutions.get(plan.institution())).put("regionCode", plan.region())
                .put("mode", plan.mode()).put("kind", plan.kind()).put("startDate", run.start.toString())
                .put("endDate", run.end.toString()).put("hours", plan.hours());
        run.id = api.post(clerk, "/classes", course).expect(201).body().get("id").asLong();
        // trainees: one CSV file for the people, one for the class list (all or nothing each)
        List<String> districts = DISTRICTS.get(plan.region().substring(0, 4));
        List<String> groups = new ArrayList<>(GROUPS.get(plan.policyRegion()));
        StringBuilder traineesCsv = new StringBuilder("身份证号,姓名,重点群体\n");
        StringBuilder enrolCsv = new StringBuilder("身份证号\n");
        for (int i = 0; i < plan.trainees(); i++) {
            List<String> own = plan.kind().equals("ENTERPRISE") ? List.of("ENTERPRISE_EMPLOYEE") : groups;
            People.Person person = people.next(districts, own);
            traineesCsv.append(person.idNumber()).append(',').append(person.name()).append(',')
                    .append(String.join(";", person.groups())).append('\n');
            enrolCsv.append(person.idNumber()).append('\n');
        }
        api.csv(clerk, "/trainees/import", traineesCsv.toString()).expect(200, 201);
        JsonNode enrolled = api.csv(clerk, "/classes/" + run.id + "/enrolments/import", enrolCsv.toString())
                .expect(200, 201).body();
        enrolled.get("items").forEach(item -> run.enrolments.add(item.get("id").asLong()));
    }

    /** Check-ins for every day of the class up to the day, but the days each trainee missed. */
    private void attend(Run run, LocalDate until) throws Exception {
        Random random = run.random;
        List<Future<?>> calls = new ArrayList<>();
        for (long enrolment : run.enrolments) {
            int days = (int) ChronoUnit.DAYS.between(run.start, until) + 1;
            boolean low = random.nextDouble() < run.plan.low();
            int missed = low ? (int) Math.round(run.plan.days() * (0.3 + 0.3 * random.nextDouble()))
                    : random.nextInt(100) < 70 ? 0 : 1;
            List<LocalDate> skipped = new ArrayList<>();
            while (skipped.size() < Math.min(missed, days)) {
                LocalDate day = run.start.plusDays(random.nextInt(days));
                if (!skipped.contains(day)) {
                    skipped.add(day);
                }
            }
            List<LocalDate> attended = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                LocalDate day = run.start.plusDays(d);
                if (!skipped.contains(day)) {
                    attended.add(day);
                }
            }
            // one trainee's days one after the other (each check-in changes the enrolment), trainees side by side
            calls.add(pool.submit(() -> {
                for (LocalDate day : attended) {
                    api.post(run.plan.clerk(), "/enrolments/" + enrolment + "/check-ins", "{\"day\": \"" + day + "\"}")
                            .expect(200);
                    checkIns.incrementAndGet();
                }
                return null;
            }));
        }
        await(calls);
    }

    /** The assessment, certificate and employment follow-up of every trainee, recorded on the day. */
    private void outcomes(Run run, LocalDate on) throws Exception {
        Random random = run.random;
        List<Future<?>> calls = new ArrayList<>();
        long span = Math.max(1, ChronoUnit.DAYS.between(run.end, on));
        for (long enrolment : run.enrolments) {
            ObjectNode outcome = Api.JSON.createObjectNode();
            boolean passed = random.nextInt(100) < 88;
            outcome.put("passed", passed);
            if (passed) {
                LocalDate issued = run.end.plusDays(Math.min(span, 3 + random.nextInt(5)));
                outcome.putObject("certificate").put("kind", random.nextInt(10) < 8 ? "SKILL_LEVEL" : "VOCATIONAL_QUALIFICATION")
                        .put("level", run.plan.level()).put("issuedOn", (issued.isAfter(on) ? on : issued).toString());
            }
            int draw = random.nextInt(100);
            String employment = !passed ? (draw < 30 ? "FLEXIBLE" : "NONE")
                    : draw < 50 ? "STABLE" : draw < 70 ? "FLEXIBLE" : draw < 76 ? "ENTREPRENEURSHIP" : "NONE";
            outcome.put("employment", employment);
            if (!employment.equals("NONE")) {
                outcome.put("employedOn", run.end.plusDays(1 + random.nextInt((int) span)).toString());
            }
            calls.add(pool.submit(() -> {
                String etag = api.get(run.plan.clerk(), "/enrolments/" + enrolment).expect(200).etag();
                api.as(run.plan.clerk(), "PUT", "/enrolments/" + enrolment + "/outcome", outcome.toString(),
                        "application/json", "If-Match", etag).expect(200);
                return null;
            }));
        }
        await(calls);
        if (run.enrolments.isEmpty()) {
            return;
        }
        // the satisfaction survey (满意度调查) closes with the outcomes: most trainees answer, most are satisfied
        int respondents = Math.max(1, run.enrolments.size() - random.nextInt(3));
        int satisfied = respondents - random.nextInt(Math.max(1, respondents / 5));
        api.as(run.plan.clerk(), "PUT", "/classes/" + run.id + "/survey", "{\"respondents\": " + respondents
                + ", \"satisfied\": " + satisfied + ", \"surveyedOn\": \"" + on + "\"}", "application/json")
                .expect(200);
    }

    private void claims(Run run) throws Exception {
        api.as(run.plan.clerk(), "POST", "/classes/" + run.id + "/claims", null, null, "Idempotency-Key",
                "demo-claims-" + run.plan.key()).expect(200, 201);
    }

    /** Finance settles the month the class ended in, for the class's province, and waits until it completed. */
    private void settle(Run run) throws Exception {
        String month = run.end.toString().substring(0, 7);
        ObjectNode request = Api.JSON.createObjectNode().put("regionCode", run.plan.policyRegion()).put("month", month);
        Api.Answer started = api.as("finance", "POST", "/settlements", request.toString(), "application/json",
                "Idempotency-Key", "demo-settlement-" + month).expect(202, 200, 201);
        settlementId = started.body().get("id").asLong();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode state = api.get("finance", "/settlements/" + settlementId).expect(200).body();
            String status = state.path("status").asText();
            if (status.equals("COMPLETED")) {
                return;
            }
            if (status.equals("FAILED") || status.equals("INTERRUPTED") || System.nanoTime() > deadline) {
                throw new IllegalStateException("settlement " + settlementId + ": " + state);
            }
            Thread.sleep(100);
        }
    }

    private List<JsonNode> claimsOf(Run run, String user) throws Exception {
        List<JsonNode> claims = new ArrayList<>();
        api.get(user, "/claims?classId=" + run.id + "&limit=500").expect(200).body().get("items").forEach(claims::add);
        return claims;
    }

    /** Finance pays the advance the decision allows (Jiangsu JS4: enterprise and project-based training). */
    private void advances(Run run) throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (JsonNode claim : claimsOf(run, "finance")) {
            String status = claim.get("status").asText();
            double share = claim.path("decision").path("result").path("advanceShare").asDouble(0);
            if (share <= 0 || status.equals("REJECTED") || status.equals("FROZEN")) {
                continue;
            }
            long id = claim.get("id").asLong();
            calls.add(pool.submit(() -> {
                api.as("finance", "POST", "/claims/" + id + "/disbursements", "{\"kind\": \"ADVANCE\"}",
                        "application/json", "Idempotency-Key", "demo-advance-" + id).expect(201, 200);
                advances.incrementAndGet();
                return null;
            }));
        }
        await(calls);
    }

    /**
     * The reviewer approves every computed claim; of the flagged ones (attendance below the threshold),
     * about half are approved with a reason (a documented absence) and the rest rejected.
     */
    private void review(Run run) throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (JsonNode claim : claimsOf(run, "reviewer")) {
            String status = claim.get("status").asText();
            long id = claim.get("id").asLong();
            ObjectNode decision = Api.JSON.createObjectNode();
            if (status.equals("COMPUTED")) {
                decision.put("approve", true);
            } else if (status.equals("FLAGGED")) {
                boolean approve = id % 2 == 0;
                decision.put("approve", approve).put("reason", approve
                        ? "缺勤有病假证明，考勤已核实 absence covered by a sick note, attendance verified"
                        : "出勤不足且无正当理由，不予补贴 attendance too low without a valid reason");
            } else {
                continue;
            }
            calls.add(pool.submit(() -> {
                String etag = api.get("reviewer", "/claims/" + id).expect(200).etag();
                api.as("reviewer", "POST", "/claims/" + id + "/review", decision.toString(), "application/json",
                        "If-Match", etag).expect(200);
                return null;
            }));
        }
        await(calls);
    }

    /** Finance pays the balance of every approved claim. */
    private void balances(Run run) throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (JsonNode claim : claimsOf(run, "finance")) {
            if (!claim.get("status").asText().equals("APPROVED")) {
                continue;
            }
            long id = claim.get("id").asLong();
            calls.add(pool.submit(() -> {
                api.as("finance", "POST", "/claims/" + id + "/disbursements", "{\"kind\": \"BALANCE\"}",
                        "application/json", "Idempotency-Key", "demo-balance-" + id).expect(201, 200);
                balances.incrementAndGet();
                return null;
            }));
        }
        await(calls);
    }

    /**
     * Xi'an's training plan (年度培训计划) for this year, drafted from its demand catalogue and published
     * today, after the year's classes were filed (a plan published earlier would have refused the
     * classes it does not list): its progress counts elder care and industrial robots against the plan,
     * domestic service still at nought, and flags the classes of occupations outside it. Next year's plan
     * is a draft.
     */
    private void planXian() throws Exception {
        int year = today.getYear();
        String lines = "[{\"occupationCode\": \"4-10-01-05\", \"level\": \"JUNIOR\", \"trainees\": 60},"
                + " {\"occupationCode\": \"6-30-99-00\", \"level\": \"INTERMEDIATE\", \"trainees\": 40},"
                + " {\"occupationCode\": \"4-10-01-06\", \"trainees\": 30}]";
        Api.Answer draft = api.as("clerk-xa", "POST", "/plans", "{\"regionCode\": \"610100\", \"year\": " + year
                + ", \"lines\": " + lines + "}", "application/json").expect(201);
        api.as("clerk-xa", "POST", "/plans/610100/" + year + "/publish", "{}", "application/json", "If-Match",
                draft.etag()).expect(200);
        api.as("clerk-xa", "POST", "/plans", "{\"regionCode\": \"610100\", \"year\": " + (year + 1)
                + ", \"lines\": [{\"occupationCode\": \"4-10-01-05\", \"level\": \"JUNIOR\", \"trainees\": 80}]}",
                "application/json").expect(201);
    }

    /** Sichuan 2025.2.0 waits on STANDBY; comparing it with what is stored shows it is ready to be looked at. */
    private void compareSichuan() throws Exception {
        ObjectNode request = Api.JSON.createObjectNode().put("candidate", "2025.2.0")
                .put("from", today.withDayOfYear(1).toString()).put("to", today.toString());
        api.post("policy-a", "/policies/510000/compare", request).expect(200);
    }

    private static void await(List<Future<?>> calls) throws Exception {
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private static String projectPrefix(Plan plan) {
        return switch (plan.policyRegion()) {
            case "510000" -> "“技能照亮前程”";
            case "610100" -> "西安市职业技能提升";
            default -> "江苏省职业技能提升行动";
        };
    }

    private static String levelZh(String level) {
        return switch (level) {
            case "JUNIOR" -> "初级";
            case "INTERMEDIATE" -> "中级";
            case "SENIOR" -> "高级";
            default -> level;
        };
    }
}
