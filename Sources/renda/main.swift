import Foundation
import RendaCLI

exit(RendaCommand.main(CommandLine.arguments))
