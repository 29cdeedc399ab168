import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a referral sent to the queue takes to reach the PES inbox, the first one after the
 * hub started and the ones after it. Compiled with scripts/SendReferral.java (it sends each
 * referral exactly as the README's walkthrough does) by bench/first-referral.sh:
 *
 *   java -cp <classes> FirstReferral --base http://localhost:8080 --broker-port 61616 --referrals 4
 *
 * For each referral (one eligible person of the SA simulator each, the first being 10000000001)
 * it reports, from the moment the message was on the queue: when the referral process started
 * (queue consumer, validation, intake) and when its intake task was created (the steps before
 * the inbox: SA profile, eligibility, PES registration and PES's confirmation), and when its first
 * external task (the SA profile fetch) was created, which splits the job executor's part from the
 * workers'. The times are the engine's own (history, task creation), on this machine's clock.
 */
public class FirstReferral {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern REFERENCE = Pattern.compile("reference_id \\(business key\\): (\\S+)");

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8080";
        int brokerPort = 61616;
        int referrals = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--broker-port" -> brokerPort = Integer.parseInt(args[++i]);
                case "--referrals" -> referrals = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        List<String> persons = eligiblePersons(base, referrals);
        List<long[]> later = new ArrayList<>();
        for (int n = 0; n < persons.size(); n++) {
            long sent = System.currentTimeMillis();
            String referenceId = send(persons.get(n), brokerPort);
            long[] times = awaitInbox(base, admin, referenceId, sent);
            System.out.printf("%-6s %-28s process started after %5d ms, its first external task created after %5d ms,"
                    + " in the PES inbox after %5d ms%n", n == 0 ? "first" : "later", referenceId, times[0], times[2],
                    times[1]);
            if (n > 0) {
                later.add(times);
            }
        }
        if (!later.isEmpty()) {
            System.out.printf("later referrals, mean: process started after %d ms, in the PES inbox after %d ms%n",
                    Math.round(later.stream().mapToLong(t -> t[0]).average().orElse(0)),
                    Math.round(later.stream().mapToLong(t -> t[1]).average().orElse(0)));
        }
    }

    /** Sends with SendReferral in this JVM, so the clock starts when the message is on the queue, not at a JVM start. */
    private static String send(String person, int brokerPort) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SendReferral.main(new String[] {"--person", person, "--port", Integer.toString(brokerPort)});
        } finally {
            System.setOut(console);
        }
        Matcher reference = REFERENCE.matcher(captured.toString(StandardCharsets.UTF_8));
        if (!reference.find()) {
            throw new IllegalStateException("SendReferral printed no reference_id: " + captured);
        }
        return reference.group(1);
    }

    /** Milliseconds from sending to the process start and to the intake task's creation. */
    private static long[] awaitInbox(String base, String admin, String referenceId, long sent) throws Exception {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
        while (System.currentTimeMillis() < deadline) {
            String task = get(base + "/engine-rest/task?taskDefinitionKey=Intake&processInstanceBusinessKey=" + referenceId,
                    admin);
            Matcher created = Pattern.compile("\"created\":\"([^\"]+)\"").matcher(task);
            if (created.find()) {
                String history = get(base + "/engine-rest/history/process-instance?processDefinitionKey=referral-to-pes"
                        + "&processInstanceBusinessKey=" + referenceId, admin);
                Matcher started = Pattern.compile("\"startTime\":\"([^\"]+)\"").matcher(history);
                long startedAt = started.find() ? millis(started.group(1)) : -1;
                Matcher instance = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(history);
                String externalTasks = instance.find() ? get(base + "/engine-rest/history/external-task-log?creationLog=true"
                        + "&sortBy=timestamp&sortOrder=asc&processInstanceId=" + instance.group(1), admin) : "";
                Matcher firstTask = Pattern.compile("\"timestamp\":\"([^\"]+)\"").matcher(externalTasks);
                long firstTaskAt = firstTask.find() ? millis(firstTask.group(1)) : sent - 1;
                return new long[] {startedAt - sent, millis(created.group(1)) - sent, firstTaskAt - sent};
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(referenceId + " did not reach the PES inbox within 2 minutes");
    }

    private static long millis(String engineTime) {
        return OffsetDateTime.parse(engineTime, ENGINE_TIME).toInstant().toEpochMilli();
    }

    /** 10000000001 (the README's person), then people the eligibility rule accepts: work-able, 18-64, benefit active. */
    private static List<String> eligiblePersons(String base, int count) throws Exception {
        String json = get(base + "/sim/sa/persons", null);
        List<String> persons = new ArrayList<>(List.of("10000000001"));
        Matcher person = Pattern.compile("\\{\"person_id\":\"(\\d+)\"[^}]*?\"birth_date\":\"(\\d{4})[^}]*?\"work_able\":true,"
                + "\"benefit_status\":\"ACTIVE\"").matcher(json);
        int thisYear = LocalDate.now().getYear();
        while (persons.size() < count && person.find()) {
            int age = thisYear - Integer.parseInt(person.group(2));
            if (age > 19 && age < 63 && !persons.contains(person.group(1))) {
                persons.add(person.group(1));
            }
        }
        return persons.subList(0, Math.min(count, persons.size()));
    }

    private static String get(String uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
