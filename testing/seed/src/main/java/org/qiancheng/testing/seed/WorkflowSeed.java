package org.qiancheng.testing.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Writes claimable training straight into the tables of a platform that has started once (so its
 * schema exists) and is stopped: one institution, a published project, classes that ended in a
 * month, and trainees enrolled in them with attendance and outcomes recorded. The rows are what
 * the workflow would have stored; the enrolment-time checks are not repeated, which is why this
 * exists only for tests and benchmarks. Outcomes vary by trainee (passed or not, employed or not),
 * so the claims' amounts vary too; every {@code lateEvery}-th class is filed after its start and
 * must be skipped by a settlement [K1]. The dates are those the workflow would accept on a day
 * after the month: filed a week before the start (published a month before), enrolled five days
 * before, certificates ten and employment twenty days after each class's end. A settlement takes a
 * class only once it has ended [K9], so run it on a day after the month's last class ended and
 * after the last employment date (the tests and {@code bench/settlement.sh} seed classes ending
 * in October 2026 and fix "today" at 2026-11-25).
 */
public final class WorkflowSeed {

    /**
     * What to write.
     *
     * @param regionCode the classes' region, e.g. 510104
     * @param occupationCode an occupation of the region's catalogue
     * @param level its skill level, e.g. JUNIOR
     * @param classes how many classes
     * @param traineesPerClass enrolments per class
     * @param start the classes' start date
     * @param firstEnd the first class's end date; the others end on the following days, wrapping within the month
     * @param lateEvery every n-th class is filed late; 0 for none
     */
    public record Plan(String regionCode, String occupationCode, String level, int classes, int traineesPerClass,
            LocalDate start, LocalDate firstEnd, int lateEvery) {

        /** @return how many enrolments the plan writes */
        public long enrolments() {
            return (long) classes * traineesPerClass;
        }
    }

    private static final int COMMIT_EVERY = 5_000;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private WorkflowSeed() {
    }

    /** The JDBC URL of the default embedded database of a platform home, as the platform opens it. */
    public static String hsqldbUrl(java.nio.file.Path home) {
        return "jdbc:hsqldb:file:" + home.resolve("data").resolve("qiancheng").toAbsolutePath()
                + ";hsqldb.default_table_type=cached;hsqldb.write_delay=false;hsqldb.tx=mvcc"
                + ";hsqldb.nio_data_file=false";
    }

    /**
     * Seeds a stopped platform's embedded database and shuts it down cleanly.
     *
     * @return the ids of the first and last class written
     */
    public static long[] seedHome(java.nio.file.Path home, Plan plan) throws SQLException {
        try (Connection connection = DriverManager.getConnection(hsqldbUrl(home), "SA", "")) {
            long[] classes = seed(connection, plan);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            return classes;
        }
    }

    /** Seeds through an open connection (HSQLDB or PostgreSQL); commits as it goes. */
    public static long[] seed(Connection connection, Plan plan) throws SQLException {
        connection.setAutoCommit(false);
        long institution = insert(connection, "INSERT INTO QC_INSTITUTION (NAME, REGION_CODE, STATUS, CREDIT_GRADE,"
                + " VERSION) VALUES (?, ?, 'WHITELISTED', 'A', 1)", "结算测试培训学校", plan.regionCode());
        long project = insert(connection, "INSERT INTO QC_PROJECT (REGION_CODE, NAME, OCCUPATION_CODE, SKILL_LEVEL,"
                + " HEADCOUNT, PUBLISHED_ON, VERSION) VALUES (?, ?, ?, ?, ?, ?, 1)", plan.regionCode(),
                "结算测试项目", plan.occupationCode(), plan.level(), plan.enrolments(), plan.start().minusDays(30));
        long first = 0;
        long last = 0;
        long trainee = 0;
        try (PreparedStatement course = connection.prepareStatement("INSERT INTO QC_CLASS (PROJECT_ID, INSTITUTION_ID,"
                + " REGION_CODE, OCCUPATION_CODE, SKILL_LEVEL, TRAINING_MODE, TRAINING_KIND, START_DATE, END_DATE,"
                + " HOURS, FILED_ON, ATTENDANCE_THRESHOLD, VERSION) VALUES (?, ?, ?, ?, ?, 'OFFLINE', 'GENERAL', ?, ?,"
                + " 80, ?, 0.80, 1)", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement person = connection.prepareStatement("INSERT INTO QC_TRAINEE (RESIDENT_ID, NAME,"
                        + " TARGET_GROUPS, FAMILY_GROUPS, HOUSEHOLD_REGION, RESIDENCE_REGION, RECEIVES_PENSION, VERSION)"
                        + " VALUES (?, ?, '', '', ?, ?, FALSE, 1)", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement enrolment = connection.prepareStatement("INSERT INTO QC_ENROLMENT (CLASS_ID,"
                        + " TRAINEE_ID, ENROLLED_ON, POLICY_REGION, POLICY_BUNDLE, POLICY_VERSION, POLICY_HASH,"
                        + " ATTENDED_DAYS, PASSED, CERTIFICATE_KIND, CERTIFICATE_LEVEL, CERTIFICATE_ISSUED_ON,"
                        + " EMPLOYMENT, EMPLOYED_ON, VERSION) VALUES (?, ?, ?, ?, 'seed', '0', 'seed', ?, ?, ?, ?, ?,"
                        + " ?, ?, 1)")) {
            LocalDate monthEnd = plan.firstEnd().withDayOfMonth(plan.firstEnd().lengthOfMonth());
            int spread = (int) ChronoUnit.DAYS.between(plan.firstEnd(), monthEnd) + 1;
            for (int c = 0; c < plan.classes(); c++) {
                LocalDate end = plan.firstEnd().plusDays(c % spread);
                boolean late = plan.lateEvery() > 0 && c % plan.lateEvery() == plan.lateEvery() - 1;
                course.setLong(1, project);
                course.setLong(2, institution);
                course.setString(3, plan.regionCode());
                course.setString(4, plan.occupationCode());
                course.setString(5, plan.level());
                course.setObject(6, plan.start());
                course.setObject(7, end);
                course.setObject(8, late ? plan.start().plusDays(3) : plan.start().minusDays(7));
                long classId = key(course);
                first = first == 0 ? classId : first;
                last = classId;
                int days = (int) ChronoUnit.DAYS.between(plan.start(), end) + 1;
                for (int t = 0; t < plan.traineesPerClass(); t++, trainee++) {
                    person.setString(1, residentId(plan.regionCode(), trainee));
                    person.setString(2, "学员" + trainee);
                    person.setString(3, plan.regionCode());
                    person.setString(4, plan.regionCode());
                    long traineeId = key(person);
                    writeEnrolment(enrolment, plan, classId, traineeId, trainee, days, end);
                    if (trainee % COMMIT_EVERY == COMMIT_EVERY - 1) {
                        connection.commit();
                    }
                }
            }
        }
        connection.commit();
        return new long[] {first, last};
    }

    /** One enrolment; a trainee in ten failed, one in four found no job, one in twenty attended too little. */
    private static void writeEnrolment(PreparedStatement enrolment, Plan plan, long classId, long traineeId, long n,
            int days, LocalDate end) throws SQLException {
        boolean passed = n % 10 != 3;
        boolean employed = n % 4 != 1;
        enrolment.setLong(1, classId);
        enrolment.setLong(2, traineeId);
        enrolment.setObject(3, plan.start().minusDays(5));
        enrolment.setString(4, plan.regionCode());
        enrolment.setInt(5, n % 20 == 7 ? days / 2 : days);
        enrolment.setBoolean(6, passed);
        enrolment.setString(7, passed ? "SKILL_LEVEL" : null);
        enrolment.setString(8, passed ? plan.level() : null);
        enrolment.setObject(9, passed ? end.plusDays(10) : null);
        enrolment.setString(10, employed ? "STABLE" : "NONE");
        enrolment.setObject(11, employed ? end.plusDays(20) : null);
        enrolment.executeUpdate();
    }

    /**
     * A valid 18-character resident ID (GB 11643) of a person born in the 1970s–80s in the region,
     * distinct for every {@code n} below 3 650 000.
     */
    static String residentId(String region, long n) {
        LocalDate born = LocalDate.of(1976, 1, 1).plusDays(n / 1000);
        String body = region + born.toString().replace("-", "") + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    private static long insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return key(statement);
        }
    }

    private static long key(PreparedStatement statement) throws SQLException {
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            // by name: PostgreSQL answers every column, HSQLDB only the identity
            return keys.getLong("ID");
        }
    }
}
