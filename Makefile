# The two commands of the README.
#   make site   installs what is needed (Debian packages), builds gongkai and the real site into public/
#   make test   installs what is needed and runs every test (the scripts read English output: GONGKAI_LANG=en
#               whatever the machine's locale; the Swift tests set the language of each run themselves)
#   make dist   the Debian package and a tarball of the same files, in dist/ (issue #28)
.PHONY: site test deps release dist

deps:
	sh scripts/install-deps.sh

release: deps
	swift build -c release --product gongkai --static-swift-stdlib

dist: release
	GONGKAI_EXTRA_PACKAGES="dpkg-dev binutils libyaml-0-2 android-libboringssl" sh scripts/install-deps.sh
	sh scripts/dist.sh

site: release
	.build/release/gongkai build

test: deps
	swift test
	GONGKAI_LANG=en sh scripts/e2e.sh
	GONGKAI_LANG=en sh scripts/search-e2e.sh
	GONGKAI_LANG=en sh scripts/nginx-test.sh
	GONGKAI_LANG=en sh scripts/kill-test.sh
	GONGKAI_LANG=en sh scripts/package-test.sh
