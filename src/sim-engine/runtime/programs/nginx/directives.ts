/**
 * Which directives the nginx of the images knows (core, events, http, stream and the
 * packaged modules), so that a typo is the `unknown directive` emergency it is, and
 * the argument counts nginx checks for the ones the simulation uses.
 */
const NAMES = `absolute_redirect accept_mutex access_log add_header add_trailer addition_types aio alias allow
  ancient_browser auth_basic auth_basic_user_file auth_request autoindex autoindex_exact_size autoindex_format
  autoindex_localtime break charset charset_types chunked_transfer_encoding client_body_buffer_size
  client_body_temp_path client_body_timeout client_header_buffer_size client_header_timeout client_max_body_size
  connection_pool_size daemon default_type deny directio disable_symlinks empty_gif env error_log error_page
  etag events expires geo gunzip gzip gzip_buffers gzip_comp_level gzip_disable gzip_http_version
  gzip_min_length gzip_proxied gzip_static gzip_types gzip_vary hash http http2 if if_modified_since
  ignore_invalid_headers include index internal ip_hash keepalive keepalive_requests keepalive_time
  keepalive_timeout large_client_header_buffers least_conn limit_conn limit_conn_zone limit_except limit_rate
  limit_req limit_req_zone listen load_module location lock_file log_format log_not_found log_subrequest map
  map_hash_bucket_size master_process max_ranges merge_slashes mp4 msie_padding multi_accept open_file_cache
  open_log_file_cache output_buffers pid port_in_redirect postpone_output random_index read_ahead
  real_ip_header real_ip_recursive recursive_error_pages resolver resolver_timeout return rewrite rewrite_log
  root satisfy secure_link send_timeout sendfile sendfile_max_chunk server server_name
  server_name_in_redirect server_names_hash_bucket_size server_names_hash_max_size server_tokens set
  set_real_ip_from slice ssi stream stub_status sub_filter sub_filter_once sub_filter_types tcp_nodelay
  tcp_nopush thread_pool timer_resolution try_files types types_hash_bucket_size types_hash_max_size
  underscores_in_headers upstream use user valid_referers variables_hash_max_size worker_connections
  worker_cpu_affinity worker_priority worker_processes worker_rlimit_nofile worker_shutdown_timeout
  working_directory zone mail imap pop3 smtp proxy_protocol`;

export const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/** Families of module directives, accepted by prefix. */
export const KNOWN_PREFIXES: readonly string[] = [
  'proxy_',
  'fastcgi_',
  'uwsgi_',
  'scgi_',
  'grpc_',
  'ssl_',
  'http2_',
  'http3_',
  'quic_',
  'js_',
  'acme_',
  'memcached_',
  'userid',
  'split_clients',
  'dav_',
  'flv',
  'hls',
  'image_filter',
  'xslt_',
  'perl',
  'mirror',
  'health_check',
  'upstream_',
];

/** [min, max] arguments, for the directives whose count nginx checks and we read. */
export const ARGS: Readonly<Record<string, [number, number]>> = {
  root: [1, 1],
  alias: [1, 1],
  listen: [1, 20],
  index: [1, 50],
  server_name: [1, 100],
  return: [1, 2],
  proxy_pass: [1, 1],
  try_files: [2, 50],
  default_type: [1, 1],
  worker_processes: [1, 1],
  user: [1, 2],
  pid: [1, 1],
  include: [1, 1],
  autoindex: [1, 1],
  location: [1, 2],
  error_page: [2, 20],
  add_header: [2, 3],
  access_log: [1, 10],
  error_log: [1, 2],
  log_format: [2, 100],
  server_tokens: [1, 1],
  worker_connections: [1, 1],
};
