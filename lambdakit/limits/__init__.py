"""AWS's limits as data, at the bottom of the pipeline: quotas with the page that states each,
runtimes with their dates, the names each service accepts, the shapes of ARNs, and the account's
own quotas. Every stage may import it; it imports nothing of lambdakit's but itself, and no
third-party module. The checks that read these values live in `rules` (and in the model's
validators)."""
