#include "app/commands.h"

#include <malloc.h>

int main(int argc, char** argv) {
  // Buffers of 32 KiB and more (large heads, upstream reads) are mapped one by one, so those freed
  // past the workers' free lists go back to the system instead of staying in the heap after a burst.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024);
  return sluice::app::runCommandLine(argc, argv);
}
