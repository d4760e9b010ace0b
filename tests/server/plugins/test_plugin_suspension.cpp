// Plugins that wait for work off the reactor: the chain stops at a suspended plugin and goes on
// from it; the plugin threads' queue is bounded; ldap-auth's DN values are escaped.
#include "plugins/blocking_pool.h"
#include "plugins/ldap_auth/ldap_binder.h"
#include "plugins/plugin_chain.h"
#include "router/router.h"

#include <QtTest>

#include <atomic>
#include <future>
#include <memory>
#include <thread>

using namespace sluice;

// A plugin that notes when its access runs and, if told, suspends and then answers or goes on.
class StepPlugin final : public plugins::Plugin {
 public:
  enum class Then { Continue, Suspend, SuspendThenRespond, SuspendWithoutContinuation };
  StepPlugin(std::string name, Then then, std::vector<std::string>& order) : name_(std::move(name)), then_(then), order_(order) {}
  uint8_t phases() const override { return plugins::phaseBit(plugins::Phase::Access); }
  plugins::PhaseResult access(plugins::RequestContext& ctx) const override {
    order_.push_back(name_);
    if (then_ == Then::Continue) return plugins::PhaseResult::Continue;
    if (then_ != Then::SuspendWithoutContinuation)
      ctx.resume = [this](plugins::RequestContext& c) {
        order_.push_back(name_ + " resumed");
        if (then_ == Then::Continue || then_ == Then::Suspend) return plugins::PhaseResult::Continue;
        c.respond(401, "Invalid authentication credentials");
        return plugins::PhaseResult::Respond;
      };
    return plugins::PhaseResult::Suspend;
  }

 private:
  std::string name_;
  Then then_;
  std::vector<std::string>& order_;
};

class TestSuspendingPlugins : public QObject {
  Q_OBJECT

  // A chain of three access plugins, the middle one doing `middle`, and one request through it.
  struct Chain {
    std::vector<std::string> order;
    std::vector<plugins::PluginInstance> instances{3};
    plugins::PluginChain chain;
    plugins::RequestContext ctx;
    std::vector<const plugins::PluginInstance*> resolved;
    std::vector<plugins::PhaseTiming> timings;
    plugins::ChainCursor cursor;
    plugins::PhaseResult run() { return plugins::runRequestPhases(chain, ctx, resolved, timings, router::kHttp, cursor); }
    plugins::PhaseResult resume() { return plugins::resumeRequestPhases(chain, ctx, resolved, timings, router::kHttp, cursor); }
    explicit Chain(StepPlugin::Then middle) {
      const char* names[] = {"first", "middle", "last"};
      for (size_t i = 0; i < 3; ++i) {
        instances[i].name = names[i];
        instances[i].protocols = router::kHttp;
        instances[i].phases = plugins::phaseBit(plugins::Phase::Access);
        instances[i].plugin = std::make_shared<StepPlugin>(names[i], i == 1 ? middle : StepPlugin::Then::Continue, order);
        plugins::ChainEntry entry;
        entry.general = &instances[i];
        entry.generalRank = plugins::kGlobal;
        entry.phases = instances[i].phases;
        chain.entries.push_back(entry);
        chain.phases |= entry.phases;
      }
    }
  };

 private slots:
  void aSuspendedPluginResumesWhereTheChainStopped() {
    Chain c(StepPlugin::Then::Suspend);
    QCOMPARE(c.run(), plugins::PhaseResult::Suspend);
    QCOMPARE(c.order, (std::vector<std::string>{"first", "middle"}));
    QCOMPARE(c.timings.size(), size_t{1});  // the waiting plugin's time is counted once it is done
    QCOMPARE(c.resume(), plugins::PhaseResult::Continue);
    QCOMPARE(c.order, (std::vector<std::string>{"first", "middle", "middle resumed", "last"}));
    QCOMPARE(c.timings.size(), size_t{3});
    QVERIFY(!c.ctx.resume);
    QCOMPARE(c.resolved.size(), size_t{3});
  }

  void aContinuationMayAnswer() {
    Chain c(StepPlugin::Then::SuspendThenRespond);
    QCOMPARE(c.run(), plugins::PhaseResult::Suspend);
    QCOMPARE(c.resume(), plugins::PhaseResult::Respond);
    QCOMPARE(c.ctx.local.status, 401);
    QCOMPARE(c.order, (std::vector<std::string>{"first", "middle", "middle resumed"}));  // the last one does not run
  }

  void suspendingWithoutAContinuationIsAFailure() {
    Chain c(StepPlugin::Then::SuspendWithoutContinuation);
    QCOMPARE(c.run(), plugins::PhaseResult::Respond);
    QCOMPARE(c.ctx.local.status, 500);
  }

  void theBlockingPoolIsBounded() {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<int> ran{0};
    {
      plugins::BlockingPool pool(1, 2);
      QVERIFY(pool.submit([&] { released.wait(); ++ran; }));  // holds the only thread
      QTRY_COMPARE(pool.queued(), size_t{0});
      QVERIFY(pool.submit([&] { ++ran; }));
      QVERIFY(pool.submit([&] { ++ran; }));
      QVERIFY(!pool.submit([&] { ++ran; }));  // the queue is full: refused, not piled up
      release.set_value();
      QTRY_COMPARE(ran.load(), 3);
      QVERIFY(pool.submit([&] { ++ran; }));
      QTRY_COMPARE(ran.load(), 4);
    }
    // Work still queued when the pool goes is dropped (its requests are gone with the workers).
    std::promise<void> hold;
    std::shared_future<void> held = hold.get_future().share();
    std::atomic<int> late{0};
    auto pool = std::make_unique<plugins::BlockingPool>(1, 4);
    QVERIFY(pool->submit([&] { held.wait(); }));
    QTRY_COMPARE(pool->queued(), size_t{0});
    auto sentinel = std::make_shared<int>(0);
    const std::weak_ptr<int> watch = sentinel;
    QVERIFY(pool->submit([&late, s = std::move(sentinel)] { ++late; }));
    std::thread stopper([&] { pool.reset(); });
    QTRY_VERIFY(watch.expired());  // dropped as soon as the pool stops, while its thread is still busy
    hold.set_value();
    stopper.join();
    QCOMPARE(late.load(), 0);
  }

  void distinguishedNameValuesAreEscaped() {
    QCOMPARE(plugins::escapeDnValue("ann"), std::string("ann"));
    QCOMPARE(plugins::escapeDnValue("smith, j"), std::string("smith\\, j"));
    QCOMPARE(plugins::escapeDnValue("a+b=c;d<e>\"f\"\\g"), std::string("a\\+b\\=c\\;d\\<e\\>\\\"f\\\"\\\\g"));
    QCOMPARE(plugins::escapeDnValue("#lead"), std::string("\\#lead"));
    QCOMPARE(plugins::escapeDnValue(" both "), std::string("\\ both\\ "));
    QCOMPARE(plugins::escapeDnValue(std::string("nul\0x", 5)), std::string("nul\\00x"));
    QCOMPARE(plugins::escapeDnValue("tab\there"), std::string("tab\\09here"));
    QCOMPARE(plugins::escapeDnValue("žluť"), std::string("žluť"));  // UTF-8 passes as it is
  }
};

QTEST_GUILESS_MAIN(TestSuspendingPlugins)
#include "test_plugin_suspension.moc"
