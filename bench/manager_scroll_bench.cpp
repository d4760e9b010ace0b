// How the manager's routes view copes with 10,000 routes: a DB-less sluice with that many routes,
// the main window offscreen, and the list scrolled to its end again and again (as a user dragging
// the scroll bar would), each step asking for the next page. Prints the time to reach the last
// route, the requests it took, and how long the event loop was ever blocked (a 5 ms timer's
// largest lateness): a responsive view keeps that in the tens of milliseconds.
//   QT_QPA_PLATFORM=offscreen build/bench/manager_scroll_bench [ROUTES]
#include "api/gateway_connection.h"
#include "connected_window.h"
#include "sluice_process.h"
#include "views/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace sluice::manager;

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const int routes = argc > 1 ? std::atoi(argv[1]) : 10000;
  QTemporaryDir dir;
  QByteArray yaml = "_format_version: \"3.0\"\nservices:\n- name: many\n  url: http://127.0.0.1:9\n  routes:\n";
  for (int i = 0; i < routes; ++i) yaml += "  - name: route-" + QByteArray::number(i) + "\n    paths: [\"/r" + QByteArray::number(i) + "\"]\n";
  QFile file(dir.path() + "/kong.yml");
  if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size()) return 1;
  file.close();
  sluice::test::SluiceProcess sluice;
  sluice.setEnv("DATABASE", "off");
  sluice.setEnv("DECLARATIVE_CONFIG", file.fileName());
  if (!sluice.start()) {
    std::fprintf(stderr, "sluice did not start\n");
    return 1;
  }
  sluice::test::ConnectedWindow connected(sluice, QSize(1200, 800));
  MainWindow& window = connected.window;
  window.showKind("routes");

  // The event loop's worst lateness, measured by a 5 ms timer.
  QElapsedTimer tick;
  tick.start();
  qint64 worstStallMs = 0, last = 0;
  QTimer probe;
  QObject::connect(&probe, &QTimer::timeout, [&] {
    const qint64 now = tick.elapsed();
    worstStallMs = std::max(worstStallMs, now - last - 5);
    last = now;
  });
  probe.start(5);

  int pages = 0;
  QObject::connect(&window.listModel(), &EntityListModel::pageLoaded, [&] { ++pages; });
  QElapsedTimer clock;
  clock.start();
  QTimer scroller;  // scrolls to the end every 20 ms, as a user dragging the bar down
  QObject::connect(&scroller, &QTimer::timeout, [&] {
    window.listView().scrollToBottom();
    if (window.listModel().complete() && window.listModel().rowCount() >= routes) app.quit();
    if (clock.elapsed() > 120000) app.exit(2);
  });
  scroller.start(20);
  last = tick.elapsed();
  const int rc = app.exec();
  std::printf("manager_scroll_bench: %d routes, reached the last one in %.2f s with %d page requests (%d rows each); "
              "worst event-loop stall %lld ms\n",
              window.listModel().rowCount(), clock.elapsed() / 1000.0, pages, 100, static_cast<long long>(worstStallMs));
  return rc;
}
