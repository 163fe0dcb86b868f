#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import RendaCLI

exit(RendaCommand.main(CommandLine.arguments))
