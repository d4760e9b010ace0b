#pragma once
// The `sluice` command line: start, check, migrations, config, version. Returns the exit code.
namespace sluice::app {

int runCommandLine(int argc, char** argv);

}  // namespace sluice::app
