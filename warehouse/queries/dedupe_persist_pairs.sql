-- $firsts, $seconds, $methods, $similarities, $merged: the compared pairs (parallel lists);
-- $threshold, $scheme: the rule in force; $now: load time (UTC). One row per unordered
-- pair (a pair listed twice keeps its merged, most similar decision).
CREATE OR REPLACE TEMP TABLE dedupe_staged_pairs AS
SELECT least(first, second) AS article_a, greatest(first, second) AS article_b, method,
       similarity, merged
FROM (
    SELECT unnest($firsts::VARCHAR[]) AS first,
           unnest($seconds::VARCHAR[]) AS second,
           unnest($methods::VARCHAR[]) AS method,
           unnest($similarities::DOUBLE[]) AS similarity,
           unnest($merged::BOOLEAN[]) AS merged
)
WHERE first <> second
QUALIFY row_number() OVER (
    PARTITION BY least(first, second), greatest(first, second)
    ORDER BY merged DESC, similarity DESC, method
) = 1;

INSERT INTO dedupe_pairs (article_a, article_b, method, similarity, merged, threshold, scheme,
                          decided_at)
SELECT article_a, article_b, method, similarity, merged, $threshold, $scheme, $now
FROM dedupe_staged_pairs
ON CONFLICT (article_a, article_b) DO UPDATE SET
    method = excluded.method, similarity = excluded.similarity, merged = excluded.merged,
    threshold = excluded.threshold, scheme = excluded.scheme, decided_at = excluded.decided_at
WHERE dedupe_pairs.method <> excluded.method
   OR dedupe_pairs.similarity <> excluded.similarity
   OR dedupe_pairs.merged <> excluded.merged
   OR dedupe_pairs.threshold <> excluded.threshold;
