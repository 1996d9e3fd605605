# Handbook: `make serve` builds the tool and serves the site with live reload; `make test` runs every test.
SWIFT ?= swift
HANDBOOK = .build/debug/handbook
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build release site test deps check-public clean

serve: build
	$(HANDBOOK) serve --port $(PORT)

site: build
	$(HANDBOOK) build

build: deps
	$(SWIFT) build --product handbook

# The binary to ship or benchmark: optimized, with the Swift runtime and Foundation linked
# statically, so it needs no Swift installation and starts in about half the time.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product handbook

test: deps
	$(SWIFT) test

# libcmark-dev (and pkg-config, which finds it) and libmimalloc-dev from Debian, only when missing.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null || [ ! -f /usr/include/mimalloc.h ]; then \
		echo "Installing libcmark-dev, pkg-config and libmimalloc-dev with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config libmimalloc-dev; \
	fi

# Public/ is committed: it must equal a fresh build.
check-public: build
	@tmp=$$(mktemp -d) && $(HANDBOOK) build --quiet --output "$$tmp/Public" && \
		diff -r "$$tmp/Public" Public && rm -rf "$$tmp" && echo "Public/ matches a fresh build"

clean:
	rm -rf .build
