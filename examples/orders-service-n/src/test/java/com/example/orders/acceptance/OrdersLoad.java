package com.example.orders.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients of the orders service, spread over whichever instances are in service: each creates orders, changes
 * the amounts of the orders it owns and reads them back, and remembers the last amount the service acknowledged
 * for each. A read that does not return it is a stale read; a request that fails or answers other than 200 is a
 * failed request. Orders are owned by one client each, so the last acknowledged write is known exactly.
 */
final class OrdersLoad implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ServiceProcess> inService = new CopyOnWriteArrayList<>();
  private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong staleReads = new AtomicLong();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean stopped;

  /** Starts {@code clients} clients over the orders in {@code existing} (id to amount in cents). */
  OrdersLoad(Map<Long, Long> existing, int clients) {
    acknowledged.putAll(existing);
    for (int client = 0; client < clients; client++) {
      List<Long> owned = new ArrayList<>();
      for (long id : existing.keySet()) {
        if (id % clients == client) {
          owned.add(id);
        }
      }
      Thread thread = new Thread(new Client(owned, new Random(client)), "orders-client-" + client);
      thread.setDaemon(true);
      this.clients.add(thread);
    }
  }

  void putInService(ServiceProcess service) {
    inService.add(service);
    if (inService.size() == 1 && !clients.get(0).isAlive()) {
      clients.forEach(Thread::start);
    }
  }

  /** Takes {@code service} out of service and waits for the requests it is answering to end. */
  void takeOutOfService(ServiceProcess service) throws InterruptedException {
    inService.remove(service);
    Thread.sleep(500);
  }

  long requests() {
    return requests.get();
  }

  long failed() {
    return failed.get();
  }

  long staleReads() {
    return staleReads.get();
  }

  List<String> problems() {
    return problems;
  }

  /** The last amount acknowledged for each order. */
  Map<Long, Long> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  /** Stops the clients after their current request. */
  void stop() throws InterruptedException {
    stopped = true;
    for (Thread client : clients) {
      client.join(30_000);
    }
  }

  @Override
  public void close() {
    stopped = true;
  }

  private final class Client implements Runnable {
    private final List<Long> owned;
    private final Random random;
    private int next;

    Client(List<Long> owned, Random random) {
      this.owned = owned;
      this.random = random;
    }

    @Override
    public void run() {
      while (!stopped) {
        try {
          step();
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void step() throws InterruptedException {
      List<ServiceProcess> services = inService;
      ServiceProcess service = services.get(Math.floorMod(next++, services.size()));
      int action = random.nextInt(10);
      long cents = random.nextInt(10_000_000);
      if (action < 2 || owned.isEmpty()) {
        JsonNode created = send(service, HttpRequest.newBuilder(service.uri("/orders"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"amountCents\": " + cents + "}")));
        if (created != null) {
          owned.add(created.get("id").asLong());
          acknowledged.put(created.get("id").asLong(), cents);
        }
      } else if (action < 6) {
        long id = owned.get(random.nextInt(owned.size()));
        if (send(service, HttpRequest.newBuilder(service.uri("/orders/" + id))
            .PUT(HttpRequest.BodyPublishers.ofString("{\"amountCents\": " + cents + "}"))) != null) {
          acknowledged.put(id, cents);
        }
      } else {
        long id = owned.get(random.nextInt(owned.size()));
        JsonNode read = send(service, HttpRequest.newBuilder(service.uri("/orders/" + id)).GET());
        if (read != null && read.get("amountCents").asLong() != acknowledged.get(id)) {
          staleReads.incrementAndGet();
          note(service + " read order " + id + " as " + read.get("amountCents") + ", last written "
              + acknowledged.get(id));
        }
      }
    }

    private JsonNode send(ServiceProcess service, HttpRequest.Builder request) throws InterruptedException {
      requests.incrementAndGet();
      try {
        HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          failed.incrementAndGet();
          note(service + " answered " + response.statusCode() + ": " + response.body());
          return null;
        }
        return JSON.readTree(response.body());
      } catch (java.io.IOException e) {
        failed.incrementAndGet();
        note(service + " failed: " + e);
        return null;
      }
    }

    private void note(String problem) {
      if (problems.size() < 20) {
        problems.add(problem);
      }
    }
  }
}
