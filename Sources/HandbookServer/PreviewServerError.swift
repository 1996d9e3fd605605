import Glibc
import NIOCore

/// Why the preview server could not start, in words for the person running it.
public enum PreviewServerError: Error, CustomStringConvertible {
    /// Another program is listening on the port.
    case addressInUse(host: String, port: Int)
    /// The address could not be bound for another reason.
    case cannotBind(host: String, port: Int, reason: String)
    /// The content or templates folder can't be found or watched.
    case folder(String)

    /// Classifies an error from starting or running the server.
    init(_ error: any Error, host: String, port: Int) {
        switch error {
        case let error as PreviewServerError:
            self = error
        case let error as IOError where error.errnoCode == EADDRINUSE:
            self = .addressInUse(host: host, port: port)
        default:
            self = .cannotBind(host: host, port: port, reason: "\(error)")
        }
    }

    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "port \(port) on \(host) is already in use; stop the other server or pick another port with --port (0 picks a free one)"
        case .cannotBind(let host, let port, let reason):
            "cannot serve on \(host):\(port): \(reason)"
        case .folder(let reason):
            reason
        }
    }
}
