"""The demo network that `jalon demo` builds, written in realistic Quebec French (fictional names)."""
