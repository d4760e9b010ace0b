// The client connection alone, over a socket pair: reads with edge-triggered readiness, a head and
// a body in one write, EOF, and the half-close that lets a client read a last response.
#include "proxy/client_connection.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace sluice;

class TestClientConnection : public QObject {
  Q_OBJECT

  net::BufferPool pool_{4096};
  int peer_ = -1;

  proxy::ClientConnection connect() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) qFatal("socketpair");
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    peer_ = fds[1];
    return proxy::ClientConnection(fds[0], nullptr);
  }

 private slots:
  void cleanup() {
    if (peer_ >= 0) ::close(peer_);
    peer_ = -1;
  }

  void readsWhatArrivesAndNotesWhenDrained() {
    proxy::ClientConnection c = connect();
    net::IoBuffer in;
    pool_.acquire(in);
    QCOMPARE(c.read(in), ssize_t{0});  // nothing reported readable yet: no read() spent
    QCOMPARE(::write(peer_, "hello", 5), ssize_t{5});
    c.noteEvents(EPOLLIN);
    QCOMPARE(c.read(in), ssize_t{5});
    QCOMPARE(in.view(), std::string_view("hello"));
    QVERIFY(!c.readable());  // a short read drained the socket: the next edge brings more
    QCOMPARE(c.read(in), ssize_t{0});
    QVERIFY(!c.eof());
    in.clear();
    pool_.release(in);
  }

  void writesHeadAndBodyInOneCall() {
    proxy::ClientConnection c = connect();
    char head[] = "HTTP/1.1 200 OK\r\n\r\n", body[] = "body";
    const iovec iov[2] = {{head, sizeof head - 1}, {body, sizeof body - 1}};
    QCOMPARE(c.write(iov, 2), ssize_t{sizeof head - 1 + sizeof body - 1});
    char got[64] = {};
    QCOMPARE(::read(peer_, got, sizeof got), ssize_t{sizeof head - 1 + sizeof body - 1});
    QCOMPARE(std::string(got), std::string("HTTP/1.1 200 OK\r\n\r\nbody"));
    QVERIFY(c.writable());
  }

  void aFullSocketIsNotWritableUntilTheNextEdge() {
    proxy::ClientConnection c = connect();
    std::string big(1 << 20, 'x');
    const iovec iov{big.data(), big.size()};
    ssize_t n = 0;
    while ((n = c.write(&iov, 1)) > 0) {
    }
    QCOMPARE(errno, EAGAIN);
    QVERIFY(!c.writable());
    c.noteEvents(EPOLLOUT);
    QVERIFY(c.writable());
  }

  void theClientsEndAndOurHalfClose() {
    proxy::ClientConnection c = connect();
    net::IoBuffer in;
    pool_.acquire(in);
    c.shutdownWrite();
    char got[4];
    QCOMPARE(::read(peer_, got, sizeof got), ssize_t{0});  // the client sees our end
    ::close(peer_);
    peer_ = -1;
    c.noteEvents(EPOLLIN | EPOLLRDHUP);
    QCOMPARE(c.read(in), ssize_t{0});
    QVERIFY(c.eof());
    c.close();
    QCOMPARE(c.fd(), -1);
    pool_.release(in);
  }
};

QTEST_GUILESS_MAIN(TestClientConnection)
#include "test_client_connection.moc"
