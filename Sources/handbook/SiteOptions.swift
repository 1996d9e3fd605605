import ArgumentParser

/// Folder options shared by commands that read the site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder of Markdown pages and handbook.yml.")
    var content = "Content"

    @Option(help: "The folder of Mustache templates, partials and assets.")
    var templates = "Templates"
}
