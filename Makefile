# Handbook: `make serve` builds the tool and the site and serves it; `make test` runs every test.
SWIFT ?= swift
HANDBOOK = .build/debug/handbook
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build site test deps check-public clean

serve: site
	@echo "Serving Public/ at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	@if command -v python3 >/dev/null; then \
		python3 -m http.server $(PORT) --bind 127.0.0.1 --directory Public; \
	else \
		echo "python3 not found: open file://$(CURDIR)/Public/index.html in your browser"; \
	fi

site: build
	$(HANDBOOK) build

build: deps
	$(SWIFT) build --product handbook

test: deps
	$(SWIFT) test

# libcmark-dev (and pkg-config, which finds it) from Debian, only when missing.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev and pkg-config with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

# Public/ is committed: it must equal a fresh build.
check-public: build
	@tmp=$$(mktemp -d) && $(HANDBOOK) build --quiet --output "$$tmp/Public" && \
		diff -r "$$tmp/Public" Public && rm -rf "$$tmp" && echo "Public/ matches a fresh build"

clean:
	rm -rf .build
