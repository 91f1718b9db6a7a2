// The helper the script keeps while it runs.
class Counter {
    int count

    String next() {
        count++
        "count $count, version 1"
    }
}
