#include "app/commands.h"

int main(int argc, char** argv) { return sluice::app::runCommandLine(argc, argv); }
