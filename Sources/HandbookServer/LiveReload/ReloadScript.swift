/// The script the server adds to every HTML page it serves (never to a file on disk). It
/// listens to ``EventStreamRoute/path`` and:
/// - on `reload`, reloads the page if it is one of the changed pages (or all pages changed),
///   keeping the scroll position;
/// - on `css`, swaps each stylesheet for a fresh copy, without a reload;
/// - on `hello` after a lost connection (a restarted server, a laptop waking), reloads,
///   since events may have been missed meanwhile.
enum ReloadScript {
    /// The script tag for one page.
    /// - Parameter page: The site path the page was served from, such as `exercises/bridge.html`.
    /// - Returns: HTML to insert before `</body>`.
    static func tag(forPage page: String) -> String {
        "<script data-handbook-reload>\n(function () {\nconst page = \(jsonString(page));\n" + body + "})();\n</script>\n"
    }

    /// The page-independent part. Kept free of `</` so it can't end its own script element.
    private static let body = #"""
    const scrollKey = "handbook-scroll:" + location.pathname;
    const saved = sessionStorage.getItem(scrollKey);
    if (saved !== null) {
      sessionStorage.removeItem(scrollKey);
      const restore = () => window.scrollTo(0, Number(saved));
      if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
    }
    function reload() {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      location.reload();
    }
    const events = new EventSource("/_handbook/events");
    let connected = false;
    events.addEventListener("hello", () => { if (connected) reload(); connected = true; });
    events.addEventListener("reload", (event) => {
      const pages = JSON.parse(event.data).pages;
      if (pages === "*" || pages.includes(page)) reload();
    });
    events.addEventListener("css", (event) => {
      const version = JSON.parse(event.data).generation;
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const fresh = link.cloneNode();
        const url = new URL(link.href);
        url.searchParams.set("handbook", version);
        fresh.href = url.href;
        fresh.addEventListener("load", () => link.remove());
        link.after(fresh);
      }
    });

    """#

    /// A JSON string literal, which is also a JavaScript one; `<` is escaped so a path can't
    /// close the script element.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "<": result += "\\u003c"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
