import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against a running hub, through the DCI API, with nothing but a JDK:
 *
 *   java bench/ApiLoad.java referrals --base http://localhost:8080 --referrals 1000 --concurrency 16
 *   java bench/ApiLoad.java status --base http://localhost:8080 --seconds 30 --concurrency 32
 *
 * referrals: posts one-item create-referral messages as sa-system from a pool of callers,
 * records each ACK's latency, then waits until every referral's intake task is in the PES
 * inbox, and reports ACK latency percentiles, the ACK rate and the sustained rate to the inbox.
 * Persons are taken from the SA simulator (work-able, 18-64, benefit active) and each referral
 * carries the person's DCI consent, so every referral is eligible and allowed to reach PES.
 *
 * status: first asks GET /status once for each of --persons persons (the projection is empty,
 * so these are live queries to PES and the tax authority), then keeps --concurrency callers
 * asking for random persons of that set for --seconds (answered from the projection), and
 * reports latency percentiles and throughput of both phases.
 *
 * With --webhook-receiver-port P and --webhook-backlog N, referrals also measures webhook
 * deliveries: before posting it starts a receiver on 127.0.0.1:P (the hub must be allowed to send
 * there, esp.outbound.allowed-targets) and subscribes sa-system to referral_created there, so each
 * referral's event arrives as it happens. After the inbox wait it puts a backlog of N copies of
 * those events into the hub's outbox at once (psql into --database, as an agency outage or a burst
 * would leave them) and reports how fast the backlog arrives (unique deliveries per second) and how
 * many arrived twice.
 *
 * bench/run.sh starts a hub on PostgreSQL and runs both.
 */
public class ApiLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        String base = "http://localhost:8080";
        int referrals = 1000;
        int concurrency = 16;
        int seconds = 30;
        int persons = 2000;
        Duration inboxTimeout = Duration.ofMinutes(10);
        int webhookReceiverPort = 0;
        int webhookBacklog = 0;
        String database = "esphub_bench";
        int ineligibleEvery = 0;
        boolean account = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--referrals" -> referrals = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--persons" -> persons = Integer.parseInt(args[++i]);
                case "--inbox-timeout-seconds" -> inboxTimeout = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--webhook-receiver-port" -> webhookReceiverPort = Integer.parseInt(args[++i]);
                case "--webhook-backlog" -> webhookBacklog = Integer.parseInt(args[++i]);
                case "--database" -> database = args[++i];
                case "--ineligible-every" -> ineligibleEvery = Integer.parseInt(args[++i]);
                case "--account" -> account = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> bases = List.of(base.split(","));
        switch (mode) {
            case "referrals" -> referrals(bases, referrals, concurrency, inboxTimeout, webhookReceiverPort,
                    webhookBacklog, database, ineligibleEvery, account);
            case "status" -> status(bases.get(0), persons, concurrency, seconds);
            default -> throw new IllegalArgumentException("first argument: referrals or status");
        }
    }

    private static void status(String base, int personCount, int concurrency, int seconds) throws Exception {
        String token = token(base, "employment:read");
        List<String> persons = new ArrayList<>();
        for (int n = 1; n <= personCount; n++) {
            persons.add(Long.toString(10_000_000_000L + n));
        }
        System.out.printf("status: %d persons, %d concurrent callers, %d s%n", personCount, concurrency, seconds);

        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> live = new ArrayList<>();
        long start = System.nanoTime();
        for (String person : persons) {
            live.add(callers.submit(() -> getStatus(base, token, person)));
        }
        report("live (projection empty)", collect(live), System.nanoTime() - start);

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> loops = new ArrayList<>();
        start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            loops.add(callers.submit(() -> {
                List<Long> mine = new ArrayList<>();
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    mine.add(getStatus(base, token, persons.get(random.nextInt(persons.size()))));
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> loop : loops) {
            all.addAll(loop.get());
        }
        report("projection", Latencies.of(all), System.nanoTime() - start);
        callers.shutdown();
    }

    /** Latency of one 200 answer in nanoseconds, or -1 for anything else. */
    private static long getStatus(String base, String token, String personId) {
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/dci/employment/v1.0.0/status/" + personId))
                            .header("Authorization", "Bearer " + token)
                            .header("X-Request-Id", java.util.UUID.randomUUID().toString())
                            .header("X-DCI-Version", "1.0.0")
                            .timeout(Duration.ofSeconds(30))
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("status failed: " + response.statusCode() + " " + response.body());
                return -1;
            }
            return System.nanoTime() - begin;
        } catch (Exception e) {
            System.err.println("status failed: " + e);
            return -1;
        }
    }

    /** Latencies of the answered calls, sorted, and how many calls failed. */
    private record Latencies(List<Long> sorted, int failed) {

        static Latencies of(List<Long> samples) {
            List<Long> ok = new ArrayList<>(samples.stream().filter(latency -> latency >= 0).toList());
            Collections.sort(ok);
            return new Latencies(ok, samples.size() - ok.size());
        }

        String describe() {
            return String.format("latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (%d ok, %d failed)",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100), sorted.size(), failed);
        }
    }

    private static Latencies collect(List<Future<Long>> calls) throws Exception {
        List<Long> all = new ArrayList<>();
        for (Future<Long> call : calls) {
            all.add(call.get());
        }
        return Latencies.of(all);
    }

    private static void report(String phase, Latencies latencies, long elapsedNanos) {
        System.out.printf("%s: %s; %.0f requests/s%n", phase, latencies.describe(),
                latencies.sorted().size() / (elapsedNanos / 1e9));
    }

    private static void referrals(List<String> bases, int referrals, int concurrency, Duration inboxTimeout,
            int webhookReceiverPort, int webhookBacklog, String database, int ineligibleEvery, boolean account)
            throws Exception {
        String base = bases.get(0);
        String run = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Callers nodes = new Callers(bases);
        WebhookBacklog webhooks = webhookReceiverPort > 0 ? WebhookBacklog.open(base, webhookReceiverPort) : null;
        List<String> persons = eligiblePersons(base, true);
        List<String> ineligible = ineligibleEvery > 0 ? eligiblePersons(base, false) : List.of();
        int ineligibleCount = ineligibleEvery > 0 ? referrals / ineligibleEvery : 0;
        if (referrals - ineligibleCount > persons.size() || ineligibleCount > ineligible.size()) {
            // a person has at most one active referral: a second one would be refused, not queued
            throw new IllegalArgumentException("at most " + persons.size() + " eligible and " + ineligible.size()
                    + " ineligible referrals: one per person");
        }
        System.out.printf("run %s: %d referrals (%d for ineligible persons), %d concurrent callers, %d node(s),"
                + " %d eligible persons%n", run, referrals, ineligibleCount, concurrency, bases.size(), persons.size());

        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        List<Future<Posted>> calls = new ArrayList<>();
        java.util.Set<String> expectNotice = new java.util.HashSet<>();
        int eligibleNext = 0;
        int ineligibleNext = 0;
        long start = System.nanoTime();
        for (int n = 0; n < referrals; n++) {
            boolean toBeRefused = ineligibleEvery > 0 && n % ineligibleEvery == ineligibleEvery - 1;
            String person = toBeRefused ? ineligible.get(ineligibleNext++) : persons.get(eligibleNext++);
            String reference = run + "-R" + n;
            if (toBeRefused) {
                expectNotice.add(reference);
            }
            String body = referral(run, n, person);
            int first = n % bases.size();
            calls.add(callers.submit(() -> nodes.post(first, reference, body)));
        }
        List<Posted> posted = new ArrayList<>();
        for (Future<Posted> call : calls) {
            posted.add(call.get());
        }
        Latencies latencies = Latencies.of(posted.stream().map(Posted::latencyNanos).toList());
        long acked = System.nanoTime();
        callers.shutdown();
        java.util.Set<String> ackedReferences = new java.util.HashSet<>();
        posted.stream().filter(Posted::acknowledged).forEach(p -> ackedReferences.add(p.referenceId()));
        int toInbox = (int) ackedReferences.stream().filter(r -> !expectNotice.contains(r)).count();

        long inInbox = waitForInbox(base, run, toInbox, inboxTimeout);
        long done = System.nanoTime();

        double ackSeconds = (acked - start) / 1e9;
        double inboxSeconds = (done - start) / 1e9;
        System.out.println("ACK " + latencies.describe());
        System.out.printf("ACK rate: %.1f referrals/s (%.1f s for %d)%n", latencies.sorted().size() / ackSeconds,
                ackSeconds, latencies.sorted().size());
        System.out.printf("to the intake inbox: %d of %d in %.1f s = %.1f referrals/s sustained%n", inInbox,
                toInbox, inboxSeconds, inInbox / inboxSeconds);
        if (webhooks != null) {
            webhooks.drain(referrals - latencies.failed(), webhookBacklog, database, inboxTimeout);
        }
        if (account) {
            new Accounting(base, run, database, posted, expectNotice, inboxTimeout).print();
        }
    }

    /** One create-referral message as the callers saw it. */
    record Posted(String referenceId, long latencyNanos, boolean acknowledged, boolean knownOnRetry) {
    }

    /**
     * The hub nodes the callers post to: caller n starts at node n modulo their number and goes on to
     * the next node when one does not answer at all (killed, restarting), as a load balancer would.
     * A message that a dying node recorded but did not answer is refused as a duplicate message_id
     * by the next one: it was received, so it counts as acknowledged ("known on retry"). Each node
     * issues its own tokens (and a restarted node new ones): a 401 fetches a new token there.
     */
    private static final class Callers {

        private final List<String> bases;
        private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        Callers(List<String> bases) {
            this.bases = bases;
        }

        Posted post(int first, String referenceId, String body) {
            long begin = System.nanoTime();
            boolean retried = false;
            long deadline = begin + Duration.ofMinutes(3).toNanos();
            for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                String base = bases.get((first + attempt) % bases.size());
                try {
                    HttpResponse<String> response = send(base, body);
                    if (response.statusCode() == 401) {
                        tokens.remove(base);
                        response = send(base, body);
                    }
                    if (response.statusCode() == 200 && response.body().contains("\"ACK\"")) {
                        return new Posted(referenceId, System.nanoTime() - begin, true, false);
                    }
                    if (retried && response.body().contains("message_id.duplicate")) {
                        return new Posted(referenceId, System.nanoTime() - begin, true, true);
                    }
                    System.err.println("not ACKed: " + response.statusCode() + " " + response.body());
                    return new Posted(referenceId, -1, false, false);
                } catch (java.io.IOException | RuntimeException noAnswer) {
                    retried = true;
                    tokens.remove(base);
                    try {
                        Thread.sleep(200); // a caller's back-off before the next node, not a test wait
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            System.err.println("no node answered for " + referenceId);
            return new Posted(referenceId, -1, false, false);
        }

        private HttpResponse<String> send(String base, String body) throws java.io.IOException, InterruptedException {
            String token = tokens.computeIfAbsent(base, b -> {
                try {
                    return token(b, "referral:create");
                } catch (Exception e) {
                    throw new IllegalStateException("no token from " + b, e);
                }
            });
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/dci/employment/v1.0.0/referrals"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * A subscription to referral_created at a local receiver that counts deliveries by
     * X-Webhook-Delivery: first the live events of the referrals, then a backlog drained at once.
     */
    private static final class WebhookBacklog {

        private final String base;
        private final String token;
        private final String subscriptionId;
        private final com.sun.net.httpserver.HttpServer receiver;
        private final java.util.Set<String> received = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicLong duplicates = new java.util.concurrent.atomic.AtomicLong();

        private final ExecutorService answering;

        private WebhookBacklog(String base, String token, String subscriptionId,
                com.sun.net.httpserver.HttpServer receiver, ExecutorService answering) {
            this.answering = answering;
            this.base = base;
            this.token = token;
            this.subscriptionId = subscriptionId;
            this.receiver = receiver;
        }

        static WebhookBacklog open(String base, int port) throws Exception {
            String token = token(base, "webhook:manage");
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", port), 256);
            ExecutorService answering = Executors.newFixedThreadPool(32);
            server.setExecutor(answering);
            String body = """
                    {"url":"http://127.0.0.1:%d/hooks","events":["referral_created"],"secret":"bench-secret-0123456789"}"""
                    .formatted(port);
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/dci/employment/v1.0.0/webhooks/subscription"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String id = field(created.body(), "subscription_id");
            if (created.statusCode() != 201 || id == null) {
                throw new IllegalStateException("no subscription: " + created.statusCode() + " " + created.body());
            }
            WebhookBacklog backlog = new WebhookBacklog(base, token, id, server, answering);
            server.createContext("/hooks", exchange -> {
                String delivery = exchange.getRequestHeaders().getFirst("X-Webhook-Delivery");
                exchange.getRequestBody().readAllBytes();
                if (delivery != null && !backlog.received.add(delivery)) {
                    backlog.duplicates.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return backlog;
        }

        void drain(int live, int copies, String database, Duration timeout) throws Exception {
            await(live, timeout);
            System.out.printf("webhooks: %d of %d referral_created events received as they happened; %d twice%n",
                    received.size(), live, duplicates.get());
            if (copies > 0) {
                int before = received.size();
                long start = System.nanoTime();
                // each delivered event again, as often as it takes to make the backlog, in one commit
                int inserted = Integer.parseInt(psql(database, """
                        WITH backlog AS (
                          INSERT INTO esp_webhook_delivery (id, subscription_id, event_type, payload, attempts,
                                 status, next_attempt_at, created_at)
                          SELECT gen_random_uuid()::text, d.subscription_id, d.event_type, d.payload, 0, 'PENDING',
                                 CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
                            FROM esp_webhook_delivery d CROSS JOIN generate_series(1, %d)
                           WHERE d.subscription_id = '%s' AND d.status = 'DELIVERED'
                          RETURNING 1)
                        SELECT count(*) FROM backlog""".formatted(Math.max(1, copies / Math.max(1, live)),
                        subscriptionId)).trim());
                await(before + inserted, timeout);
                double seconds = (System.nanoTime() - start) / 1e9;
                int drained = received.size() - before;
                System.out.printf("webhooks: a backlog of %d deliveries: %d received in %.1f s = %.0f deliveries/s;"
                        + " %d received twice%n", inserted, drained, seconds, drained / seconds, duplicates.get());
            }
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/dci/employment/v1.0.0/webhooks/subscription/"
                    + subscriptionId)).header("Authorization", "Bearer " + token).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            receiver.stop(0);
            answering.shutdownNow();
        }

        private void await(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20); // a load generator's check of its own counter, not a test wait
            }
        }
    }

    /**
     * What became of every referral of a run, after a node was killed (bench (f)): read from the
     * hub's database (process instances and intake tasks per reference), the PES and SA simulators
     * (registrations and notifications received, and how many of them were repeats) and the engine
     * (incidents, which it retries once to see whether a retry clears them).
     */
    private record Accounting(String base, String run, String database, List<Posted> posted,
            java.util.Set<String> expectNotice, Duration timeout) {

        void print() throws Exception {
            java.util.Set<String> acked = new java.util.TreeSet<>();
            posted.stream().filter(Posted::acknowledged).forEach(p -> acked.add(p.referenceId()));
            long knownOnRetry = posted.stream().filter(Posted::knownOnRetry).count();
            java.util.Set<String> ackedNotices = new java.util.TreeSet<>(acked);
            ackedNotices.retainAll(expectNotice);
            java.util.Map<String, Integer> notices = awaitNotices(ackedNotices);
            java.util.Map<String, Integer> instances = perReference("""
                    SELECT business_key_, count(*) FROM act_hi_procinst
                     WHERE proc_def_key_ = 'referral-to-pes' AND business_key_ LIKE '%s-%%' GROUP BY 1""");
            java.util.Map<String, Integer> intakes = perReference("""
                    SELECT pi.business_key_, count(*) FROM act_hi_taskinst t JOIN act_hi_procinst pi ON pi.id_ = t.proc_inst_id_
                     WHERE t.task_def_key_ = 'Intake' AND pi.business_key_ LIKE '%s-%%' GROUP BY 1""");
            List<String> lost = new ArrayList<>();
            for (String reference : acked) {
                boolean arrived = expectNotice.contains(reference) ? notices.containsKey(reference)
                        : intakes.containsKey(reference);
                if (!arrived) {
                    lost.add(reference);
                }
            }
            String pes = get(base + "/sim/pes/jobseekers/counts");
            String sa = get(base + "/sim/sa/notifications/counts");
            System.out.printf("(f) referrals sent: %d; acknowledged: %d (%d of them known on a retry at the other"
                    + " node); not acknowledged: %d%n", posted.size(), acked.size(), knownOnRetry,
                    posted.size() - acked.size());
            System.out.printf("(f) process instances: %d references, %d with more than one%n", instances.size(),
                    instances.values().stream().filter(c -> c > 1).count());
            System.out.printf("(f) PES inbox: %d of %d acknowledged eligible referrals have an intake task; %d have"
                    + " more than one%n", intakes.keySet().stream().filter(acked::contains).count(),
                    acked.size() - ackedNotices.size(), intakes.values().stream().filter(c -> c > 1).count());
            System.out.printf("(f) PES simulator: registration requests %s, cases %s, repeated requests (answered"
                    + " with the case opened before) %s, referrals with more than one case %s%n",
                    number(pes, "requests"), number(pes, "cases"), number(pes, "repeated_requests"),
                    number(pes, "references_with_several_cases"));
            System.out.printf("(f) SA notifications: %d of %d acknowledged ineligible referrals told 'not eligible';"
                    + " %d told more than once; SA simulator: %s received, %s duplicates%n",
                    notices.keySet().stream().filter(ackedNotices::contains).count(), ackedNotices.size(),
                    notices.values().stream().filter(c -> c > 1).count(), number(sa, "received"),
                    number(sa, "duplicates"));
            System.out.printf("(f) lost (acknowledged, never reached the inbox or SA): %d %s%n", lost.size(),
                    lost.stream().limit(10).toList());
            System.out.printf("(f) start inbox: %s waiting, %s parked%n",
                    psql(database, "SELECT count(*) FROM esp_referral_start WHERE parked_at IS NULL").trim(),
                    psql(database, "SELECT count(*) FROM esp_referral_start WHERE parked_at IS NOT NULL").trim());
            int incidents = incidents();
            System.out.printf("(f) incidents: %d%n", incidents);
            if (incidents > 0) {
                retryIncidents();
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (incidents() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(1000); // a script's poll of the engine, not a test wait
                }
                System.out.printf("(f) incidents after one retry each: %d%n", incidents());
            }
        }

        /** SA's notifications per reference of the run, once every expected one arrived or the time is up. */
        private java.util.Map<String, Integer> awaitNotices(java.util.Set<String> expected) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                java.util.Map<String, Integer> notices = new java.util.HashMap<>();
                Matcher m = Pattern.compile("\"reference_id\"\\s*:\\s*\"(" + Pattern.quote(run) + "-R\\d+)\"")
                        .matcher(get(base + "/sim/sa/notifications"));
                while (m.find()) {
                    notices.merge(m.group(1), 1, Integer::sum);
                }
                if (notices.keySet().containsAll(expected) || System.nanoTime() > deadline) {
                    return notices;
                }
                Thread.sleep(1000); // a script's poll of the simulator, not a test wait
            }
        }

        private java.util.Map<String, Integer> perReference(String sql) throws Exception {
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            for (String line : psql(database, sql.formatted(run)).split("\n")) {
                String[] columns = line.trim().split("\\|");
                if (columns.length == 2) {
                    counts.put(columns[0], Integer.parseInt(columns[1]));
                }
            }
            return counts;
        }

        private int incidents() throws Exception {
            return Integer.parseInt(number(adminGet("/engine-rest/incident/count"), "count"));
        }

        /** One more attempt for each failed job or external task, as an operator would give it. */
        private void retryIncidents() throws Exception {
            Matcher incident = Pattern.compile("\\{[^{}]*\"incidentType\"\\s*:\\s*\"(\\w+)\"[^{}]*\\}")
                    .matcher(adminGet("/engine-rest/incident"));
            while (incident.find()) {
                String type = incident.group(1);
                String target = field(incident.group(), "configuration");
                System.out.printf("(f) incident %s on %s: %s%n", type, field(incident.group(), "activityId"),
                        field(incident.group(), "incidentMessage"));
                String path = "failedExternalTask".equals(type) ? "/engine-rest/external-task/" + target + "/retries"
                        : "/engine-rest/job/" + target + "/retries";
                HTTP.send(admin(path).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }

        private String adminGet(String path) throws Exception {
            return HTTP.send(admin(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        private HttpRequest.Builder admin(String path) {
            String basic = Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + basic);
        }

        private static String get(String url) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        private static String number(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
            return m.find() ? m.group(1) : "?";
        }
    }

    /** Runs one statement and returns what it printed (tuples only). */
    private static String psql(String database, String sql) throws Exception {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database,
                "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A", "-c", sql)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed");
        }
        return out;
    }

    private static String token(String base, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString("sa-system:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/client/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /**
     * Work-able persons aged 18-64 with an active benefit, from the SA simulator; with
     * {@code eligible} false, adults SA knows as not work-able (their referral ends with SA told so).
     */
    private static List<String> eligiblePersons(String base, boolean eligible) throws Exception {
        String json = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sim/sa/persons")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> found = new ArrayList<>();
        Matcher person = Pattern.compile("\\{[^{}]*\\}").matcher(json);
        LocalDate today = LocalDate.now();
        while (person.find()) {
            String p = person.group();
            String id = field(p, "person_id");
            String birth = field(p, "birth_date");
            boolean workAble = p.contains("\"work_able\":true");
            boolean active = "ACTIVE".equals(field(p, "benefit_status"));
            if (id == null || birth == null) {
                continue;
            }
            int age = java.time.Period.between(LocalDate.parse(birth), today).getYears();
            // adults only either way: a minor's own consent does not count, so the hub would refuse the referral;
            // not work-able is the one reason the rule always refuses (a benefit ended lately still qualifies)
            if (age >= 18 && age <= 64 && (eligible ? workAble && active : !workAble)) {
                found.add(id);
            }
        }
        if (eligible && found.isEmpty()) {
            throw new IllegalStateException("the SA simulator lists no eligible person");
        }
        return found;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String referral(String run, int n, String personId) {
        String now = Instant.now().toString();
        return """
                {"header":{"version":"1.0.0","message_id":"%1$s-M%2$d","message_ts":"%3$s","action":"create-referral",
                 "sender_id":"sa.gov.example","receiver_id":"esp-hub","total_count":1,"is_msg_encrypted":false},
                 "message":{"transaction_id":"%1$s-T%2$d","referral_request":[{"reference_id":"%1$s-R%2$d",
                 "timestamp":"%3$s","person_id":"%4$s","sp_program_context":{"program_id":"SP-UNEMP-001",
                 "benefit_type":"UNEMPLOYMENT_BENEFIT","eligibility_status":"WORK_ABLE"},
                 "referral_reason":"ACTIVATION_MANDATE",
                 "consent":{"@type":"Consent","ts":"%3$s","purpose":{"text":"Referral to PES","code":"EMPLOYMENT_ACTIVATION"}}}]}}""".formatted(run, n, now, personId);
    }

    private static long waitForInbox(String base, String run, int expected, Duration timeout) throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        URI count = URI.create(base + "/engine-rest/task/count?taskDefinitionKey=Intake&processInstanceBusinessKeyLike="
                + URLEncoder.encode(run + "-%", StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            String body = HTTP.send(HttpRequest.newBuilder(count).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(body);
            seen = m.find() ? Long.parseLong(m.group(1)) : seen;
            if (seen >= expected) {
                return seen;
            }
            Thread.sleep(1000); // polling interval of a load generator (it costs the hub a query), not a test wait
        }
        System.err.println("timed out waiting for the inbox");
        return seen;
    }

    private static double pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
