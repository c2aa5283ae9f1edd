# the loader's answers, each file deployed off a swarm: its error, or its warnings then "not a swarm manager" (record.sh)
docker stack deploy -c command-int.yml t
docker stack deploy -c command-unclosed.yml t
docker stack deploy -c configs-3-2.yml t
docker stack deploy -c cpus-number.yml t
docker stack deploy -c deploy-list.yml t
docker stack deploy -c deploy-null.yml t
docker stack deploy -c deprecated-expose.yml t
docker stack deploy -c environment-dup-list.yml t
docker stack deploy -c environment-nested.yml t
docker stack deploy -c extension-3-6.yml t
docker stack deploy -c extension-root-3-3.yml t
docker stack deploy -c forbidden-all.yml t
docker stack deploy -c healthcheck-3-3.yml t
docker stack deploy -c healthcheck-bad.yml t
docker stack deploy -c image-digest.yml t
docker stack deploy -c image-empty.yml t
docker stack deploy -c image-id.yml t
docker stack deploy -c image-number.yml t
docker stack deploy -c init-3-6.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-bool-bad.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-bool.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-default.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-float.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-invalid-brace.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-invalid.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-required-empty.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-required-unset.yml t
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack deploy -c interp-unset-empty.yml t
docker stack deploy -c labels-bool.yml t
docker stack deploy -c max-replicas-3-7.yml t
docker stack deploy -c memory-bad.yml t
docker stack deploy -c memory-number.yml t
docker stack deploy -c network-external-conflict.yml t
docker stack deploy -c network-external-name.yml t
docker stack deploy -c networks-bad-alias.yml t
docker stack deploy -c no-services.yml t
docker stack deploy -c ok-depends.yml t
docker stack deploy -c ok-full.yml t
docker stack deploy -c ok-jobs.yml t
docker stack deploy -c ok-minimal.yml t
docker stack deploy -c ok-version3.yml t
docker stack deploy -c parallelism-negative.yml t
docker stack deploy -c ports-big-number.yml t
docker stack deploy -c ports-hostip.yml t
docker stack deploy -c ports-mapping.yml t
docker stack deploy -c ports-range.yml t
docker stack deploy -c ports-target-string.yml t
docker stack deploy -c replicas-float-int.yml t
docker stack deploy -c replicas-float.yml t
docker stack deploy -c replicas-string.yml t
docker stack deploy -c resources-typo.yml t
docker stack deploy -c restart-policy-bad.yml t
docker stack deploy -c rollback-3-6.yml t
docker stack deploy -c secret-bad.yml t
docker stack deploy -c secret-driver-file.yml t
docker stack deploy -c service-bad-name.yml t
docker stack deploy -c service-null.yml t
docker stack deploy -c service-string.yml t
docker stack deploy -c services-null.yml t
docker stack deploy -c stop-grace.yml t
docker stack deploy -c two-docs.yml t
docker stack deploy -c unsupported-all.yml t
docker stack deploy -c version-3-10-float.yml t
docker stack deploy -c version-4.yml t
docker stack deploy -c version-null.yml t
docker stack deploy -c volume-external-driver.yml t
docker stack deploy -c volumes-bad-spec.yml t
docker stack deploy -c volumes-empty-section.yml t
docker stack deploy -c volumes-long-no-type.yml t
docker stack deploy -c volumes-section-bad.yml t
docker stack deploy -c yaml-anchor-missing.yml t
docker stack deploy -c yaml-bool-words.yml t
docker stack deploy -c yaml-list-top.yml t
docker stack deploy -c yaml-timestamp-env.yml t
docker stack deploy -c ok-minimal.yml -c ports-hostip.yml t
docker stack deploy -c ok-minimal.yml -c version-4.yml t
docker stack deploy -c ok-full.yml -c ok-depends.yml -c deprecated-expose.yml t
cat ok-jobs.yml | docker stack deploy -c - t
docker stack deploy -c ok-minimal.yml,unsupported-all.yml t
docker stack deploy -c . t
