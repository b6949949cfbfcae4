(quoted_value) @fold
