# The two commands of the README.
#   make site   installs what is needed (Debian packages), builds gongkai and the real site into public/
#   make test   installs what is needed and runs every test
.PHONY: site test deps release

deps:
	sh scripts/install-deps.sh

release: deps
	swift build -c release --product gongkai --static-swift-stdlib

site: release
	.build/release/gongkai build

test: deps
	swift test
	sh scripts/e2e.sh
	sh scripts/search-e2e.sh
	sh scripts/nginx-test.sh
	sh scripts/kill-test.sh
