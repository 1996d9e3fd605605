import Foundation
import Testing
@testable import Mustache

/// One case of the official Mustache spec (`../shared/specs/mustache/*.json`, MIT, from
/// mustache/spec): a template, its data and partials, and the exact text it must give.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let module: String
    let name: String
    let desc: String
    let data: SpecJSON
    let template: String
    let partials: [String: String]
    let expected: String

    /// `module: name`, the key of ``SpecTests/ignoring``. Two cases of `~inheritance` share a
    /// name, so the second and later of a name get ` (2)` and so on.
    let id: String

    var testDescription: String { name }

    /// The cases of one module, in the order the file lists them.
    /// - Throws: ``SpecFolderMissing`` when the spec folder can't be found: CI has it, so a
    ///   missing folder is a broken checkout, never a reason to pass.
    static func load(_ module: String) throws -> [SpecCase] {
        let file = try SpecFolder.url().appendingPathComponent("\(module).json")
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: file))
        var seen: [String: Int] = [:]
        return spec.tests.map { test in
            seen[test.name, default: 0] += 1
            let count = seen[test.name]!
            return SpecCase(module: module, name: test.name, desc: test.desc, data: test.data, template: test.template,
                            partials: test.partials ?? [:], expected: test.expected,
                            id: "\(module): \(test.name)" + (count > 1 ? " (\(count))" : ""))
        }
    }

    /// The case's data as the engine's context: mostly an object, but a few cases fill a
    /// template with a list or text (`{{#.}}…{{/.}}`).
    var root: TemplateValue {
        data.templateValue ?? .object([:])
    }

    private struct SpecFile: Decodable {
        struct Test: Decodable {
            let name: String
            let desc: String
            let data: SpecJSON
            let template: String
            let partials: [String: String]?
            let expected: String
        }

        let tests: [Test]
    }
}

/// Where the spec JSON is: `$HANDBOOK_SPECS` (the folder holding `mustache/`, or `mustache/`
/// itself) when set, else `../../../shared/specs/mustache` from this file.
enum SpecFolder {
    static func url() throws -> URL {
        if let variable = ProcessInfo.processInfo.environment["HANDBOOK_SPECS"], !variable.isEmpty {
            let given = URL(fileURLWithPath: variable)
            for folder in [given.appendingPathComponent("mustache"), given] where isSpecFolder(folder) { return folder }
            throw SpecFolderMissing(looked: "HANDBOOK_SPECS=\(variable) (neither it nor its mustache/ holds comments.json)")
        }
        // Resolved, so a test folder reached through a symlink still finds the repository's neighbour.
        let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("../../../shared/specs/mustache").standardizedFileURL
        guard isSpecFolder(folder) else { throw SpecFolderMissing(looked: folder.path) }
        return folder
    }

    /// Every module file's name without `.json`, sorted.
    static func modules() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url().path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    private static func isSpecFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("comments.json").path)
    }
}

struct SpecFolderMissing: Error, CustomStringConvertible {
    let looked: String
    var description: String {
        "the Mustache spec is missing: looked in \(looked). Check out the shared specs beside the repository "
            + "(../shared/specs/mustache) or set HANDBOOK_SPECS to the specs folder."
    }
}

/// Any JSON value, as the spec's `data` holds it.
enum SpecJSON: Sendable, Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([SpecJSON])
    case object([String: SpecJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let int = try? container.decode(Int.self) { self = .int(int) }
        else if let double = try? container.decode(Double.self) { self = .double(double) }
        else if let string = try? container.decode(String.self) { self = .string(string) }
        else if let array = try? container.decode([SpecJSON].self) { self = .array(array) }
        else { self = .object(try container.decode([String: SpecJSON].self)) }
    }

    /// The value as the engine's data. Site data has no decimals and no nulls: a decimal
    /// becomes the text JSON writes for it (`1.21`), and a null is left out, which is how the
    /// site says "nothing here" (``TemplateValue/isTruthy``).
    var templateValue: TemplateValue? {
        switch self {
        case .null: nil
        case .bool(let bool): .bool(bool)
        case .int(let int): .number(int)
        case .double(let double): .text("\(double)")
        case .string(let string): .text(string)
        case .array(let items): .list(items.compactMap(\.templateValue))
        case .object(let object):
            .object(TemplateObject(object.sorted { $0.key < $1.key }.compactMap { key, value in
                value.templateValue.map { (key, $0) }
            }))
        }
    }
}
