#pragma once
// The threads that are not the proxy's reactors (the Admin API's, configuration builds, the
// cluster link) run at a higher niceness, so that a burst of writes or a snapshot build at 10,000
// routes does not take CPU time from requests on a core they share. Linux schedules threads, so
// the niceness is per thread: each background thread calls enterBackground() once.
namespace sluice::core {

// Set once at start (background_niceness); 0 leaves every thread equal.
void setBackgroundNiceness(int niceness);
// Gives the calling thread the background niceness (once per thread; later calls do nothing).
void enterBackground();

}  // namespace sluice::core
