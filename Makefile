# plainsight: the two commands a new user needs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
# -g1: line tables and function names (backtraces, perf), not variables; compiles about a fifth
# faster than -g. Pass CMAKE_FLAGS to get full debug information.
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo '-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG' \
  '-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG'
# A compiler cache when the machine has one (not needed, not installed by deps).
ifneq ($(shell command -v ccache 2>/dev/null),)
CMAKE_FLAGS += -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache
endif

.PHONY: all deps configure build test demo bench fuzz clean rules-doc act format lint

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)

bench: build
	@bash scripts/bench.sh $(BUILD)

act: build
	@$(BUILD)/cli/plainsight act ../shared/act-rules/testcases.json --out $(BUILD)/act-results.json
	@python3 ../shared/act-rules/score.py $(BUILD)/act-results.json

format:
	@bash scripts/format.sh

# clang-tidy over every source (about 19 minutes on 2 cores); records the commit in
# .ci/lint-base when clean. `make test` lints only what changed since that commit (ctest lint).
lint: build
	@bash scripts/lint.sh --record $(BUILD)

rules-doc: build
	@$(BUILD)/cli/plainsight rules --format markdown > docs/rules.md

fuzz: deps
	@cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPLAINSIGHT_BUILD_FUZZ=ON -DPLAINSIGHT_BUILD_TESTS=OFF -DPLAINSIGHT_BUILD_BENCH=OFF >/dev/null
	@cmake --build build-fuzz -j$(JOBS)

clean:
	rm -rf $(BUILD) build-fuzz
