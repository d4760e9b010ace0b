// Admin API load: creates N services, each with a route, from C concurrent keep-alive clients,
// then lists both collections with pagination. Prints one JSON line of figures.
//   admin_bench_client --port 8001 [--services 10000] [--concurrency 8] [--page-size 1000]
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  int port = 8001;
  int services = 10000;
  int concurrency = 8;
  int pageSize = 1000;
};

struct Reply {
  int status = 0;
  json body;
};

Reply call(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
           const json& body = nullptr) {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  const std::string text = body.is_null() ? "" : body.dump();
  if (!text.empty()) {
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(text.size()));
  }
  session.sendRequest(request) << text;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string payload(std::istreambuf_iterator<char>(in), {});
  Reply r;
  r.status = response.getStatus();
  r.body = json::parse(payload, nullptr, false);
  return r;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// Follows `offset` until the last page; returns {entities, pages}.
std::pair<size_t, size_t> listAll(int port, const std::string& collection, int pageSize) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  size_t entities = 0, pages = 0;
  std::string path = "/" + collection + "?size=" + std::to_string(pageSize);
  for (;;) {
    Reply r = call(session, "GET", path);
    if (r.status != 200) throw std::runtime_error("GET " + path + " -> " + std::to_string(r.status));
    ++pages;
    entities += r.body["data"].size();
    if (!r.body.contains("offset")) break;
    path = "/" + collection + "?size=" + std::to_string(pageSize) + "&offset=" + r.body["offset"].get<std::string>();
  }
  return {entities, pages};
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const int v = std::stoi(argv[i + 1]);
    if (a == "--port") o.port = v;
    else if (a == "--services") o.services = v;
    else if (a == "--concurrency") o.concurrency = v;
    else if (a == "--page-size") o.pageSize = v;
    else {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    }
  }
  std::atomic<int> next{0}, failures{0};
  std::mutex mutex;
  std::vector<double> latencies;  // ms per create request
  const auto started = Clock::now();
  std::vector<std::thread> workers;
  for (int w = 0; w < o.concurrency; ++w) {
    workers.emplace_back([&] {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(o.port));
      std::vector<double> mine;
      for (int i = next++; i < o.services; i = next++) {
        try {
          auto t0 = Clock::now();
          Reply s = call(session, "POST", "/services",
                         {{"name", "bench-" + std::to_string(i)}, {"host", "upstream-" + std::to_string(i) + ".internal"}});
          auto t1 = Clock::now();
          if (s.status != 201) {
            ++failures;
            continue;
          }
          Reply r = call(session, "POST", "/services/" + s.body["id"].get<std::string>() + "/routes",
                         {{"paths", {"/svc-" + std::to_string(i)}}});
          auto t2 = Clock::now();
          if (r.status != 201) ++failures;
          mine.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
          mine.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        } catch (const std::exception& e) {
          ++failures;
          session.reset();
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : workers) t.join();
  const double createSeconds = std::chrono::duration<double>(Clock::now() - started).count();

  const auto listStarted = Clock::now();
  const auto [services, servicePages] = listAll(o.port, "services", o.pageSize);
  const auto [routes, routePages] = listAll(o.port, "routes", o.pageSize);
  const double listSeconds = std::chrono::duration<double>(Clock::now() - listStarted).count();

  json out{{"services_created", o.services - failures.load()},
           {"failures", failures.load()},
           {"create_seconds", createSeconds},
           {"writes_per_second", static_cast<double>(latencies.size()) / createSeconds},
           {"write_ms_p50", percentile(latencies, 0.50)},
           {"write_ms_p99", percentile(latencies, 0.99)},
           {"listed_services", services},
           {"listed_routes", routes},
           {"list_pages", servicePages + routePages},
           {"list_seconds", listSeconds},
           {"listed_entities_per_second", static_cast<double>(services + routes) / listSeconds}};
  std::cout << out.dump() << std::endl;
  return failures.load() == 0 && services == static_cast<size_t>(o.services) ? 0 : 1;
}
