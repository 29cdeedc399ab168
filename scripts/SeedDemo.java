import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a running DEMO hub with real cases, so that the oversight dashboard (/kpi) has a figure for
 * every KPI. Nothing is written to the database directly: the script plays SA (referrals over STOMP
 * with scripts/SendReferral.java, status verifications over the DCI API), the caseworkers (their tasks
 * through /engine-rest, as the demo users), the provider, the employer and PES (the simulators'
 * /sim/... endpoints) and moves time along as `admin` by firing timers (README "Moving time along").
 *
 *   java scripts/SeedDemo.java                          # hub on http://localhost:8080, broker 61616
 *   java scripts/SeedDemo.java --hub http://localhost:28282 --broker-port 61712   # a hub on other ports
 *
 * About a dozen persons, in parallel, each with another story: graduated and referred again, placed
 * with an appeal and a job that ended, dropped out of training, trained without a job, an intake left
 * open and overdue, returned to SA, not eligible, warned then sanctioned and the sanction appealed, and
 * two status verifications. It takes a minute or two. Persons are picked at random among the eligible
 * ones of the simulated population (not the five demo personas), so the script can run again.
 */
public class SeedDemo {

    private static final String PASSWORD = "demo";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String hub = "http://localhost:8080";
    private static String brokerPort = "61616";

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hub" -> hub = args[++i];
                case "--broker-port" -> brokerPort = args[++i];
                default -> {
                    System.err.println("unknown option " + args[i] + " (see the comment at the top of this file)");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        List<String> people = eligiblePeople(8);
        ExecutorService stories = Executors.newFixedThreadPool(10);
        List<Future<?>> running = new ArrayList<>();
        running.add(stories.submit(() -> graduatesAndComesBack(people.get(0))));
        running.add(stories.submit(() -> placedAppealedThenJobEnds(people.get(1))));
        running.add(stories.submit(() -> dropsOutOfTraining(people.get(2))));
        running.add(stories.submit(() -> trainedWithoutAJob(people.get(3))));
        running.add(stories.submit(() -> intakeLeftOpenAndOverdue(people.get(4))));
        running.add(stories.submit(() -> returnedToSa(people.get(5))));
        running.add(stories.submit(() -> sanctionedAndAppealed(people.get(6))));
        running.add(stories.submit(() -> notEligible("10000000002")));
        running.add(stories.submit(() -> statusVerified(people.get(7))));
        running.add(stories.submit(() -> statusVerified(people.get(5))));
        int failed = 0;
        for (Future<?> story : running) {
            try {
                story.get();
            } catch (Exception e) {
                failed++;
                System.err.println("a story failed: " + (e.getCause() != null ? e.getCause() : e));
            }
        }
        stories.shutdown();
        System.out.printf("seeded in %d s%s; open %s/kpi (user oversight, password demo)%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                failed == 0 ? "" : " with " + failed + " failed stories", hub);
        System.exit(failed == 0 ? 0 : 1);
    }

    // ---- the stories --------------------------------------------------------------------------------

    /** Training with a certificate, a job, both benefit adjustments, four checkpoints: graduated; then SA refers again. */
    static void graduatesAndComesBack(String person) {
        String ref = refer(person);
        intake(ref, true, "BOTH");
        completeTraining(ref, "CERT-" + ref.hashCode());
        hired(ref);
        approveAdjustment(ref);
        fire(ref, "AppealWindowClosed");
        for (int checkpoint = 1; checkpoint <= 4; checkpoint++) {
            fire(ref, "CheckpointReached");
            awaitSaNotices(ref, "RETENTION_CONFIRMED", checkpoint);
        }
        approveAdjustment(ref);
        fire(ref, "AppealWindowClosed");
        awaitSaNotices(ref, "GRADUATED", 1);
        log(person, "graduated; SA refers the person again");
        refer(person);
    }

    /** A job, the adjustment appealed and upheld, retained at 30 days, then the job ends: exited. */
    static void placedAppealedThenJobEnds(String person) {
        String ref = refer(person);
        intake(ref, true, "JOB_SEARCH");
        hired(ref);
        approveAdjustment(ref);
        post("/sim/sa/events", json("event_type", "AppealFiled", "reference_id", ref,
                "appeal_grounds", "my hours are not fixed yet"), null);
        complete("appeals-officer", ref, "ReviewAppeal", vars("appealOutcome", "UPHELD",
                "appealReasoning", "The wage is on record; the rule applies."));
        fire(ref, "CheckpointReached");
        awaitSaNotices(ref, "RETENTION_CONFIRMED", 1);
        post("/sim/employer/events", json("event_type", "EmploymentEnded", "reference_id", ref,
                "employment_end_reason", "dismissed in probation"), null);
        complete("pes-worker", ref, "DecideReEngagement", vars("reEngagementDecision", "EXIT",
                "reEngagementNotes", "Moves abroad"));
        awaitSaNotices(ref, "EXITED", 1);
    }

    static void dropsOutOfTraining(String person) {
        String ref = refer(person);
        intake(ref, true, "TRAINING");
        enrol(ref);
        post("/sim/tvet/events", json("event_type", "TrainingDroppedOut", "reference_id", ref,
                "drop_out_reason", "family care"), null);
        awaitSaNotices(ref, "EXITED", 1);
    }

    /** Training completed without a certificate, then no suitable vacancy: exited. */
    static void trainedWithoutAJob(String person) {
        String ref = refer(person);
        intake(ref, true, "TRAINING");
        completeTraining(ref, null);
        complete("pes-worker", ref, "MatchVacancy", vars("noSuitableVacancy", true));
        awaitSaNotices(ref, "EXITED", 1);
    }

    /** Nobody does the intake; its 5-working-day deadline is fired: not in time. */
    static void intakeLeftOpenAndOverdue(String person) {
        String ref = refer(person);
        awaitTask("pes-worker", ref, "Intake");
        fire(ref, "IntakeOverdue");
        awaitTask("pes-supervisor", ref, "FollowUpOverdueIntake");
    }

    static void returnedToSa(String person) {
        String ref = refer(person);
        intake(ref, false, "JOB_SEARCH");
        awaitSaNotices(ref, "RETURNED_TO_SA", 1);
    }

    /** Two missed appointments, no good cause: a warning; a third: a reduction, approved, appealed, overturned. */
    static void sanctionedAndAppealed(String person) {
        String ref = refer(person);
        intake(ref, true, "JOB_SEARCH");
        until("monitoring of " + ref + " started", () -> get("/engine-rest/process-instance?businessKey=" + ref
                + "&processDefinitionKey=activation-compliance", basic("admin")).body().contains("\"id\""));
        miss(ref);
        miss(ref);
        noGoodCause(ref, 1);
        awaitSaNotices(ref, "COMPLIANCE_WARNING", 1);
        miss(ref);
        noGoodCause(ref, 2);
        complete("sa-worker", ref, "ApproveSanction", vars("sanctionApproval", "APPROVED"));
        awaitSaNotices(ref, "SANCTION_DECIDED", 1);
        post("/sim/sa/compliance/" + ref + "/appeal", json("appeal_grounds", "I was in hospital"), null);
        complete("appeals-officer", ref, "ReviewAppeal", vars("appealOutcome", "OVERTURNED",
                "appealReasoning", "The hospital stay is documented."));
        awaitSaNotices(ref, "APPEAL_OVERTURNED", 1);
    }

    static void notEligible(String person) {
        String ref = refer(person);
        awaitSaNotices(ref, "NOT_ELIGIBLE", 1);
    }

    /** SA asks the hub to verify the person's employment status; a doubtful one is reviewed by sa-worker. */
    static void statusVerified(String person) {
        String personJson = get("/sim/sa/persons/" + person, null).body();
        String ref = "VER-" + UUID.randomUUID();
        String token = token("sa-system", "employment:read");
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String request = "{\"header\":{\"version\":\"1.0.0\",\"message_id\":\"" + UUID.randomUUID()
                + "\",\"message_ts\":\"" + now + "\",\"action\":\"status_verify\",\"sender_id\":\"sa.gov.example\","
                + "\"receiver_id\":\"esp-hub\",\"total_count\":1},\"message\":{\"transaction_id\":\"" + UUID.randomUUID()
                + "\",\"employment_status_request\":[{\"reference_id\":\"" + ref + "\",\"verification_criteria\":{"
                + "\"verification_type\":\"benefit_eligibility_check\",\"person\":{\"identifiers\":[{\"identifier_type\":"
                + "\"national_id\",\"identifier_value\":\"" + person + "\"}],\"name\":{\"given_name\":\""
                + field(personJson, "given_name") + "\",\"surname\":\"" + field(personJson, "family_name")
                + "\"},\"birth_date\":\"" + field(personJson, "birth_date") + "\"}}}]}}";
        Answer answer = post("/dci/employment/v1.0.0/status/verifications", request, "Bearer " + token);
        check(answer.status() == 202 || answer.status() == 200, "status verification " + answer);
        log(person, "status verification " + ref);
        until("verification " + ref + " ended", () -> {
            // only a national id is given: sa-worker confirms who the person is, then reviews a doubtful status
            String identity = firstId(get("/engine-rest/task?processInstanceBusinessKey=" + ref
                    + "&taskDefinitionKey=ResolveIdentity", basic("sa-worker")).body());
            if (identity != null) {
                completeTask("sa-worker", identity, vars("identityDecision", "CONFIRMED", "identityNote", "Same person at SA"));
            }
            String review = firstId(get("/engine-rest/task?processInstanceBusinessKey=" + ref
                    + "&taskDefinitionKey=ReviewEmploymentStatus", basic("sa-worker")).body());
            if (review != null) {
                completeTask("sa-worker", review, vars("employmentStatus", "UNEMPLOYED", "reviewNote", "No job on record"));
            }
            return get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + ref + "&finished=true",
                    basic("admin")).body().contains("\"id\"");
        });
    }

    // ---- the parts people play ----------------------------------------------------------------------

    static void intake(String ref, boolean workReady, String pathway) {
        complete("pes-worker", ref, "Intake", vars("workReady", workReady, "pathway", pathway,
                "barriers", workReady ? "" : "caring for a relative", "notes", "seeded by scripts/SeedDemo.java"));
    }

    /** The counsellor chooses the welding programme; the provider holds the place and SA approves the allowance. */
    static void enrol(String ref) {
        String task = awaitTask("pes-worker", ref, "ChooseProgramme");
        String body = "{\"variables\":{\"noSuitableProgramme\":{\"value\":false},\"programmeId\":{\"value\":\"TVET-WELD-01\"},"
                + "\"startDate\":{\"value\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(7) + "\"},"
                + "\"requestedBenefits\":{\"type\":\"Json\",\"value\":\"[\\\"TRAINING_ALLOWANCE\\\"]\"}}}";
        Answer done = post("/engine-rest/task/" + task + "/complete", body, basic("pes-worker"));
        check(done.status() == 204, "ChooseProgramme " + done);
        awaitSaNotices(ref, "ENROLLED", 1);
    }

    static void completeTraining(String ref, String certificateId) {
        enrol(ref);
        post("/sim/tvet/events", json("event_type", "AttendanceReported", "reference_id", ref, "attendance_rate", 92), null);
        String completed = certificateId == null ? json("event_type", "TrainingCompleted", "reference_id", ref)
                : json("event_type", "TrainingCompleted", "reference_id", ref, "certificate_id", certificateId);
        post("/sim/tvet/events", completed, null);
        awaitSaNotices(ref, "COMPLETED", 1);
    }

    /** Matched to VAC-1 starting in 2 days, accepted, reported; the start date arrives: verified. */
    static void hired(String ref) {
        complete("pes-worker", ref, "MatchVacancy", vars("noSuitableVacancy", false, "vacancyId", "VAC-1",
                "startDate", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "matchingNotes", "job fair"));
        awaitWaiting(ref, "EmployerDecided");
        post("/sim/employer/events", json("event_type", "EmployerDecided", "reference_id", ref, "employer_accepted", true), null);
        awaitWaiting(ref, "PlacementReported");
        post("/sim/employer/events", json("event_type", "PlacementReported", "reference_id", ref), null);
        fire(ref, "StartDateReached");
        awaitSaNotices(ref, "PLACEMENT_VERIFIED", 1);
    }

    static void approveAdjustment(String ref) {
        complete("sa-worker", ref, "ApproveAdjustment", vars("approvalDecision", "APPROVED"));
    }

    static void miss(String ref) {
        int before = activityCount(ref, "EvidenceRecorded");
        post("/sim/pes/compliance/" + ref + "/evidence", json("evidence_type", "APPOINTMENT_MISSED_WITHOUT_NOTICE"), null);
        // one piece of evidence at a time, as the README's "sleep 2" does: wait until the episode took it
        until("evidence taken for " + ref, () -> activityCount(ref, "EvidenceRecorded") > before);
    }

    static void noGoodCause(String ref, int time) {
        awaitSaNotices(ref, "COMPLIANCE_REASONS_REQUESTED", time);
        post("/sim/sa/compliance/" + ref + "/reasons", json("stated_reasons", "I forgot the date"), null);
        complete("pes-worker", ref, "RecordGoodCause", vars("goodCause", "NO_GOOD_CAUSE",
                "goodCauseNote", "No reason given that excuses the absence"));
    }

    // ---- SA, the hub and the engine -----------------------------------------------------------------

    /** SA refers the person over STOMP with scripts/SendReferral.java; returns the reference_id. */
    static String refer(String person) {
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process send = new ProcessBuilder(java, "scripts/SendReferral.java", "--person", person, "--port", brokerPort)
                    .redirectErrorStream(true).start();
            String output = new String(send.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            check(send.waitFor() == 0, "SendReferral failed: " + output);
            Matcher ref = Pattern.compile("reference_id \\(business key\\): (\\S+)").matcher(output);
            check(ref.find(), "no reference_id in: " + output);
            log(person, "referred " + ref.group(1));
            return ref.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/SendReferral.java (run from the repository root)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Eligible persons (work-able, benefit active, 19 to 63), from a random place in the population. */
    static List<String> eligiblePeople(int count) {
        int offset = 5 + ThreadLocalRandom.current().nextInt(4000);
        String persons = get("/sim/sa/persons?offset=" + offset + "&limit=800", null).body();
        List<String> found = new ArrayList<>();
        Matcher person = Pattern.compile("\\{\"person_id\":\"(\\d+)\"[^}]*?\"birth_date\":\"([0-9-]+)\",\"work_able\":(true|false),"
                + "\"benefit_status\":\"([A-Z]+)\"").matcher(persons);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        while (person.find() && found.size() < count) {
            int age = java.time.Period.between(LocalDate.parse(person.group(2)), today).getYears();
            if ("true".equals(person.group(3)) && "ACTIVE".equals(person.group(4)) && age >= 19 && age <= 63) {
                found.add(person.group(1));
            }
        }
        check(found.size() == count, "only " + found.size() + " eligible persons found from offset " + offset);
        return found;
    }

    static String awaitTask(String user, String ref, String taskKey) {
        String[] id = new String[1];
        until(user + " has " + taskKey + " for " + ref, () -> {
            id[0] = firstId(get("/engine-rest/task?processInstanceBusinessKey=" + ref + "&taskDefinitionKey=" + taskKey,
                    basic(user)).body());
            return id[0] != null;
        });
        return id[0];
    }

    static void complete(String user, String ref, String taskKey, String variables) {
        completeTask(user, awaitTask(user, ref, taskKey), variables);
        log(ref, user + " completed " + taskKey);
    }

    static void completeTask(String user, String taskId, String variables) {
        Answer done = post("/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variables + "}", basic(user));
        check(done.status() == 204, "completing task " + taskId + ": " + done);
    }

    /** As admin: the timer at {@code activityId} in any process of the case, once it waits there, fires now. */
    static void fire(String ref, String activityId) {
        String[] job = new String[1];
        until(ref + " waits on " + activityId, () -> {
            for (String instance : ids(get("/engine-rest/process-instance?businessKey=" + ref, basic("admin")).body())) {
                job[0] = firstId(get("/engine-rest/job?processInstanceId=" + instance + "&activityId=" + activityId
                        + "&timers=true", basic("admin")).body());
                if (job[0] != null) {
                    return true;
                }
            }
            return false;
        });
        Answer fired = post("/engine-rest/job/" + job[0] + "/execute", "", basic("admin"));
        check(fired.status() == 204, "firing " + activityId + ": " + fired);
        log(ref, "fired " + activityId);
    }

    /** Waits until a process of the case waits for the message {@code messageName}. */
    static void awaitWaiting(String ref, String messageName) {
        until(ref + " waits for " + messageName, () -> {
            for (String instance : ids(get("/engine-rest/process-instance?businessKey=" + ref, basic("admin")).body())) {
                if (get("/engine-rest/event-subscription?eventType=message&eventName=" + messageName
                        + "&processInstanceId=" + instance, basic("admin")).body().contains("\"id\"")) {
                    return true;
                }
            }
            return false;
        });
    }

    static int activityCount(String ref, String activityId) {
        int n = 0;
        for (String instance : ids(get("/engine-rest/process-instance?businessKey=" + ref, basic("admin")).body())) {
            n += count(get("/engine-rest/history/activity-instance?processInstanceId=" + instance + "&activityId="
                    + activityId, basic("admin")).body(), "\"activityId\"");
        }
        return n;
    }

    static void awaitSaNotices(String ref, String outcome, int times) {
        until("SA told " + outcome + " x" + times + " about " + ref, () -> count(get("/sim/sa/notifications?reference_id="
                + URLEncoder.encode(ref, StandardCharsets.UTF_8), null).body(), "\"outcome\":\"" + outcome + "\"") >= times);
    }

    static String token(String client, String scope) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(hub + "/oauth2/client/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8))));
        return field(answer.body(), "access_token");
    }

    // ---- HTTP and JSON with the JDK alone -------------------------------------------------------------

    record Answer(int status, String body) {
    }

    static Answer get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static Answer post(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Answer answer = send(request);
        check(answer.status() < 300, "POST " + path + ": " + answer);
        return answer;
    }

    static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the hub at " + hub + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON object of string, number and boolean fields, in pairs. */
    static String json(Object... pairs) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":").append(value(pairs[i + 1]));
        }
        return json.append('}').toString();
    }

    /** Engine REST variables ({@code {"name": {"value": ...}}}), in pairs. */
    static String vars(Object... pairs) {
        Object[] wrapped = new Object[pairs.length];
        for (int i = 0; i < pairs.length; i += 2) {
            wrapped[i] = pairs[i];
            wrapped[i + 1] = new Raw("{\"value\":" + value(pairs[i + 1]) + "}");
        }
        return json(wrapped);
    }

    record Raw(String json) {
    }

    static String value(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        return value instanceof String text ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
                : String.valueOf(value);
    }

    static String field(String json, String name) {
        Matcher field = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        return field.find() ? field.group(1) : null;
    }

    static String firstId(String json) {
        List<String> ids = ids(json);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The ids of a JSON array of engine REST objects (their "id" fields). */
    static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    interface Condition {
        boolean holds();
    }

    static void until(String what, Condition condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            check(System.nanoTime() < deadline, "gave up waiting until " + what);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }

    static void log(String who, String what) {
        System.out.println(who + ": " + what);
    }
}
