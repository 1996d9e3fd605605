
/// Whether a file or folder name is a valid slug: lowercase ASCII letters, digits and hyphens,
/// so URLs are predictable and identical on every file system.
package func isValidSlug(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.allSatisfy { byte in
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }
}
