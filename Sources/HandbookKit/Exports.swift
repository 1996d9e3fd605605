// HandbookKit is the pipeline as one library: importing it gives every stage's public API,
// as the command line and the preview server use it.
@_exported import Checking
@_exported import HandbookCore
@_exported import Linking
@_exported import Loading
@_exported import Rendering
@_exported import Templating
@_exported import Writing
