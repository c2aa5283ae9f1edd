# docker stack config over the corpus: the merged, interpolated config as yaml.v3 prints it, or the error (record.sh config)
docker stack config -c command-int.yml
docker stack config -c command-unclosed.yml
docker stack config -c config-sections.yml
docker stack config -c config-strings.yml
docker stack config -c configs-3-2.yml
docker stack config -c cpus-number.yml
docker stack config -c deploy-list.yml
docker stack config -c deploy-null.yml
docker stack config -c deprecated-expose.yml
docker stack config -c environment-dup-list.yml
docker stack config -c environment-nested.yml
docker stack config -c extension-3-6.yml
docker stack config -c extension-root-3-3.yml
docker stack config -c forbidden-all.yml
docker stack config -c healthcheck-3-3.yml
docker stack config -c healthcheck-bad.yml
docker stack config -c image-digest.yml
docker stack config -c image-empty.yml
docker stack config -c image-id.yml
docker stack config -c image-number.yml
docker stack config -c init-3-6.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-bool-bad.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-bool.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-default.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-float.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-invalid-brace.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-invalid.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-required-empty.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-required-unset.yml
EMPTY_VAR= MODE=prod TTY_ON=on RATIO=0.5 docker stack config -c interp-unset-empty.yml
docker stack config -c labels-bool.yml
docker stack config -c max-replicas-3-7.yml
docker stack config -c memory-bad.yml
docker stack config -c memory-number.yml
docker stack config -c network-external-conflict.yml
docker stack config -c network-external-name.yml
docker stack config -c networks-bad-alias.yml
docker stack config -c no-services.yml
docker stack config -c ok-depends.yml
docker stack config -c ok-full.yml
docker stack config -c ok-jobs.yml
docker stack config -c ok-minimal.yml
docker stack config -c ok-version3.yml
docker stack config -c parallelism-negative.yml
docker stack config -c ports-big-number.yml
docker stack config -c ports-hostip.yml
docker stack config -c ports-mapping.yml
docker stack config -c ports-range.yml
docker stack config -c ports-target-string.yml
docker stack config -c replicas-float-int.yml
docker stack config -c replicas-float.yml
docker stack config -c replicas-string.yml
docker stack config -c resources-typo.yml
docker stack config -c restart-policy-bad.yml
docker stack config -c rollback-3-6.yml
docker stack config -c secret-bad.yml
docker stack config -c secret-driver-file.yml
docker stack config -c service-bad-name.yml
docker stack config -c service-null.yml
docker stack config -c service-string.yml
docker stack config -c services-null.yml
docker stack config -c stop-grace.yml
docker stack config -c two-docs.yml
docker stack config -c unsupported-all.yml
docker stack config -c version-3-10-float.yml
docker stack config -c version-4.yml
docker stack config -c version-null.yml
docker stack config -c volume-external-driver.yml
docker stack config -c volumes-bad-spec.yml
docker stack config -c volumes-empty-section.yml
docker stack config -c volumes-long-no-type.yml
docker stack config -c volumes-section-bad.yml
docker stack config -c yaml-anchor-missing.yml
docker stack config -c yaml-bool-words.yml
docker stack config -c yaml-list-top.yml
docker stack config -c yaml-timestamp-env.yml
TAG=1.25 MODE=prod RATIO=0.5 REPLICAS=3 TTY_ON=on docker stack config -c config-interp.yml
docker stack config -c config-interp.yml
REPLICAS=3 docker stack config --skip-interpolation -c config-interp.yml
docker stack config --skip-interpolation -c interp-invalid.yml
docker stack config --skip-interpolation -c interp-required-unset.yml
docker stack config -c ok-minimal.yml -c ports-hostip.yml
docker stack config -c ok-minimal.yml -c version-4.yml
docker stack config -c ok-full.yml -c ok-depends.yml -c deprecated-expose.yml
docker stack config -c ok-full.yml -c config-sections.yml
docker stack config -c config-sections.yml -c ok-jobs.yml,ok-version3.yml
cat ok-jobs.yml | docker stack config -c -
cat config-sections.yml | docker stack config -c ok-minimal.yml -c -
docker stack config
docker stack config -c missing.yml
docker stack config -c .
docker stack config -c ok-minimal.yml extra
docker stack config --bogus
docker stack config -c config-shapes.yml
docker stack config -c config-shapes.yml -c config-strings.yml
docker stack config -c config-inf.yml
