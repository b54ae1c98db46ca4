import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_news_channels" AS ENUM('website', 'facebook', 'portal', 'slack', 'feeds', 'signage');
  CREATE TYPE "public"."enum_news_type" AS ENUM('news', 'press-release');
  CREATE TYPE "public"."enum_news_audience" AS ENUM('public', 'internal', 'both');
  CREATE TYPE "public"."enum_news_language" AS ENUM('nb', 'nn', 'en');
  CREATE TYPE "public"."enum_news_publishat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_news_embargountil_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_news_expiresat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_news_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__news_v_version_channels" AS ENUM('website', 'facebook', 'portal', 'slack', 'feeds', 'signage');
  CREATE TYPE "public"."enum__news_v_version_type" AS ENUM('news', 'press-release');
  CREATE TYPE "public"."enum__news_v_version_audience" AS ENUM('public', 'internal', 'both');
  CREATE TYPE "public"."enum__news_v_version_language" AS ENUM('nb', 'nn', 'en');
  CREATE TYPE "public"."enum__news_v_version_publishat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__news_v_version_embargountil_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__news_v_version_expiresat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__news_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_events_channels" AS ENUM('website', 'facebook', 'portal', 'slack', 'feeds', 'signage');
  CREATE TYPE "public"."enum_events_startsat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_events_endsat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_events_audience" AS ENUM('public', 'internal', 'both');
  CREATE TYPE "public"."enum_events_language" AS ENUM('nb', 'nn', 'en');
  CREATE TYPE "public"."enum_events_publishat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_events_embargountil_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_events_expiresat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_events_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__events_v_version_channels" AS ENUM('website', 'facebook', 'portal', 'slack', 'feeds', 'signage');
  CREATE TYPE "public"."enum__events_v_version_startsat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__events_v_version_endsat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__events_v_version_audience" AS ENUM('public', 'internal', 'both');
  CREATE TYPE "public"."enum__events_v_version_language" AS ENUM('nb', 'nn', 'en');
  CREATE TYPE "public"."enum__events_v_version_publishat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__events_v_version_embargountil_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__events_v_version_expiresat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__events_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_service_messages_channels" AS ENUM('website', 'facebook', 'portal', 'slack', 'feeds', 'signage');
  CREATE TYPE "public"."enum_service_messages_severity" AS ENUM('info', 'warning', 'critical');
  CREATE TYPE "public"."enum_service_messages_audience" AS ENUM('public', 'internal', 'both');
  CREATE TYPE "public"."enum_service_messages_language" AS ENUM('nb', 'nn', 'en');
  CREATE TYPE "public"."enum_service_messages_publishat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_service_messages_embargountil_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_service_messages_expiresat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_service_messages_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__service_messages_v_version_channels" AS ENUM('website', 'facebook', 'portal', 'slack', 'feeds', 'signage');
  CREATE TYPE "public"."enum__service_messages_v_version_severity" AS ENUM('info', 'warning', 'critical');
  CREATE TYPE "public"."enum__service_messages_v_version_audience" AS ENUM('public', 'internal', 'both');
  CREATE TYPE "public"."enum__service_messages_v_version_language" AS ENUM('nb', 'nn', 'en');
  CREATE TYPE "public"."enum__service_messages_v_version_publishat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__service_messages_v_version_embargountil_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__service_messages_v_version_expiresat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum__service_messages_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_media_licence" AS ENUM('owned', 'licensed', 'cc-by', 'cc-by-sa', 'cc0');
  CREATE TYPE "public"."enum_media_rightsexpireat_tz" AS ENUM('Europe/Oslo');
  CREATE TYPE "public"."enum_departments_kind" AS ENUM('etat', 'virksomhet');
  CREATE TYPE "public"."enum_users_scopes" AS ENUM('internal');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'communications', 'leader', 'editor', 'api-client');
  CREATE TYPE "public"."enum_brand_assets_kind" AS ENUM('coat-of-arms', 'logo', 'font', 'template', 'guide');
  CREATE TYPE "public"."enum_screens_orientation" AS ENUM('landscape', 'portrait');
  CREATE TABLE "news_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_news_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "news" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"lead" varchar,
  	"body" jsonb,
  	"image_id" integer,
  	"type" "enum_news_type" DEFAULT 'news',
  	"contact_name" varchar,
  	"contact_title" varchar,
  	"contact_phone" varchar,
  	"contact_email" varchar,
  	"variants_facebook_text" varchar,
  	"variants_signage_headline" varchar,
  	"variants_portal_summary" varchar,
  	"slug" varchar,
  	"audience" "enum_news_audience" DEFAULT 'public',
  	"department_id" integer,
  	"category_id" integer,
  	"language" "enum_news_language" DEFAULT 'nb',
  	"spokesperson_id" integer,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_news_publishat_tz" DEFAULT 'Europe/Oslo',
  	"embargo_until" timestamp(3) with time zone,
  	"embargountil_tz" "enum_news_embargountil_tz" DEFAULT 'Europe/Oslo',
  	"expires_at" timestamp(3) with time zone,
  	"expiresat_tz" "enum_news_expiresat_tz" DEFAULT 'Europe/Oslo',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_news_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_news_v_version_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__news_v_version_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_news_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_lead" varchar,
  	"version_body" jsonb,
  	"version_image_id" integer,
  	"version_type" "enum__news_v_version_type" DEFAULT 'news',
  	"version_contact_name" varchar,
  	"version_contact_title" varchar,
  	"version_contact_phone" varchar,
  	"version_contact_email" varchar,
  	"version_variants_facebook_text" varchar,
  	"version_variants_signage_headline" varchar,
  	"version_variants_portal_summary" varchar,
  	"version_slug" varchar,
  	"version_audience" "enum__news_v_version_audience" DEFAULT 'public',
  	"version_department_id" integer,
  	"version_category_id" integer,
  	"version_language" "enum__news_v_version_language" DEFAULT 'nb',
  	"version_spokesperson_id" integer,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__news_v_version_publishat_tz" DEFAULT 'Europe/Oslo',
  	"version_embargo_until" timestamp(3) with time zone,
  	"version_embargountil_tz" "enum__news_v_version_embargountil_tz" DEFAULT 'Europe/Oslo',
  	"version_expires_at" timestamp(3) with time zone,
  	"version_expiresat_tz" "enum__news_v_version_expiresat_tz" DEFAULT 'Europe/Oslo',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__news_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "events_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_events_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"lead" varchar,
  	"body" jsonb,
  	"image_id" integer,
  	"starts_at" timestamp(3) with time zone,
  	"startsat_tz" "enum_events_startsat_tz" DEFAULT 'Europe/Oslo',
  	"ends_at" timestamp(3) with time zone,
  	"endsat_tz" "enum_events_endsat_tz" DEFAULT 'Europe/Oslo',
  	"place" varchar,
  	"address" varchar,
  	"organiser" varchar,
  	"price" varchar,
  	"registration_url" varchar,
  	"variants_facebook_text" varchar,
  	"variants_signage_headline" varchar,
  	"variants_portal_summary" varchar,
  	"slug" varchar,
  	"audience" "enum_events_audience" DEFAULT 'public',
  	"department_id" integer,
  	"category_id" integer,
  	"language" "enum_events_language" DEFAULT 'nb',
  	"spokesperson_id" integer,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_events_publishat_tz" DEFAULT 'Europe/Oslo',
  	"embargo_until" timestamp(3) with time zone,
  	"embargountil_tz" "enum_events_embargountil_tz" DEFAULT 'Europe/Oslo',
  	"expires_at" timestamp(3) with time zone,
  	"expiresat_tz" "enum_events_expiresat_tz" DEFAULT 'Europe/Oslo',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_events_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_events_v_version_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__events_v_version_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_events_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_lead" varchar,
  	"version_body" jsonb,
  	"version_image_id" integer,
  	"version_starts_at" timestamp(3) with time zone,
  	"version_startsat_tz" "enum__events_v_version_startsat_tz" DEFAULT 'Europe/Oslo',
  	"version_ends_at" timestamp(3) with time zone,
  	"version_endsat_tz" "enum__events_v_version_endsat_tz" DEFAULT 'Europe/Oslo',
  	"version_place" varchar,
  	"version_address" varchar,
  	"version_organiser" varchar,
  	"version_price" varchar,
  	"version_registration_url" varchar,
  	"version_variants_facebook_text" varchar,
  	"version_variants_signage_headline" varchar,
  	"version_variants_portal_summary" varchar,
  	"version_slug" varchar,
  	"version_audience" "enum__events_v_version_audience" DEFAULT 'public',
  	"version_department_id" integer,
  	"version_category_id" integer,
  	"version_language" "enum__events_v_version_language" DEFAULT 'nb',
  	"version_spokesperson_id" integer,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__events_v_version_publishat_tz" DEFAULT 'Europe/Oslo',
  	"version_embargo_until" timestamp(3) with time zone,
  	"version_embargountil_tz" "enum__events_v_version_embargountil_tz" DEFAULT 'Europe/Oslo',
  	"version_expires_at" timestamp(3) with time zone,
  	"version_expiresat_tz" "enum__events_v_version_expiresat_tz" DEFAULT 'Europe/Oslo',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__events_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "service_messages_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_service_messages_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "service_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"lead" varchar,
  	"body" jsonb,
  	"image_id" integer,
  	"area" varchar,
  	"severity" "enum_service_messages_severity" DEFAULT 'info',
  	"variants_facebook_text" varchar,
  	"variants_signage_headline" varchar,
  	"variants_portal_summary" varchar,
  	"slug" varchar,
  	"audience" "enum_service_messages_audience" DEFAULT 'public',
  	"department_id" integer,
  	"category_id" integer,
  	"language" "enum_service_messages_language" DEFAULT 'nb',
  	"spokesperson_id" integer,
  	"publish_at" timestamp(3) with time zone,
  	"publishat_tz" "enum_service_messages_publishat_tz" DEFAULT 'Europe/Oslo',
  	"embargo_until" timestamp(3) with time zone,
  	"embargountil_tz" "enum_service_messages_embargountil_tz" DEFAULT 'Europe/Oslo',
  	"expires_at" timestamp(3) with time zone,
  	"expiresat_tz" "enum_service_messages_expiresat_tz" DEFAULT 'Europe/Oslo',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_service_messages_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_service_messages_v_version_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__service_messages_v_version_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_service_messages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_lead" varchar,
  	"version_body" jsonb,
  	"version_image_id" integer,
  	"version_area" varchar,
  	"version_severity" "enum__service_messages_v_version_severity" DEFAULT 'info',
  	"version_variants_facebook_text" varchar,
  	"version_variants_signage_headline" varchar,
  	"version_variants_portal_summary" varchar,
  	"version_slug" varchar,
  	"version_audience" "enum__service_messages_v_version_audience" DEFAULT 'public',
  	"version_department_id" integer,
  	"version_category_id" integer,
  	"version_language" "enum__service_messages_v_version_language" DEFAULT 'nb',
  	"version_spokesperson_id" integer,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_publishat_tz" "enum__service_messages_v_version_publishat_tz" DEFAULT 'Europe/Oslo',
  	"version_embargo_until" timestamp(3) with time zone,
  	"version_embargountil_tz" "enum__service_messages_v_version_embargountil_tz" DEFAULT 'Europe/Oslo',
  	"version_expires_at" timestamp(3) with time zone,
  	"version_expiresat_tz" "enum__service_messages_v_version_expiresat_tz" DEFAULT 'Europe/Oslo',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__service_messages_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar,
  	"decorative" boolean DEFAULT false,
  	"credit" varchar,
  	"identifiable_people" boolean DEFAULT false,
  	"consent_obtained" boolean DEFAULT false,
  	"licence" "enum_media_licence" DEFAULT 'owned',
  	"rights_expire_at" timestamp(3) with time zone,
  	"rightsexpireat_tz" "enum_media_rightsexpireat_tz" DEFAULT 'Europe/Oslo',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "departments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"kind" "enum_departments_kind" DEFAULT 'etat' NOT NULL,
  	"parent_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_scopes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_scopes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"job_title" varchar,
  	"role" "enum_users_role" DEFAULT 'editor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "brand_assets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"kind" "enum_brand_assets_kind" NOT NULL,
  	"alt" varchar,
  	"usage" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "screens" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"location" varchar NOT NULL,
  	"orientation" "enum_screens_orientation" DEFAULT 'landscape' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "screens_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"news_id" integer,
  	"events_id" integer,
  	"service_messages_id" integer,
  	"media_id" integer,
  	"departments_id" integer,
  	"categories_id" integer,
  	"users_id" integer,
  	"brand_assets_id" integer,
  	"screens_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "brand" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organisation_name" varchar DEFAULT 'Modum kommune' NOT NULL,
  	"coat_of_arms_id" integer,
  	"colours_primary" varchar DEFAULT '#00507d' NOT NULL,
  	"colours_text" varchar DEFAULT '#1a1a1a' NOT NULL,
  	"colours_background" varchar DEFAULT '#ffffff' NOT NULL,
  	"colours_accent" varchar DEFAULT '#f2b705' NOT NULL,
  	"typeface" varchar DEFAULT 'Source Sans 3' NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "news_channels" ADD CONSTRAINT "news_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."news"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_spokesperson_id_users_id_fk" FOREIGN KEY ("spokesperson_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v_version_channels" ADD CONSTRAINT "_news_v_version_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_news_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_parent_id_news_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_department_id_departments_id_fk" FOREIGN KEY ("version_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_category_id_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_spokesperson_id_users_id_fk" FOREIGN KEY ("version_spokesperson_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events_channels" ADD CONSTRAINT "events_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_spokesperson_id_users_id_fk" FOREIGN KEY ("spokesperson_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v_version_channels" ADD CONSTRAINT "_events_v_version_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_parent_id_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_department_id_departments_id_fk" FOREIGN KEY ("version_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_category_id_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_spokesperson_id_users_id_fk" FOREIGN KEY ("version_spokesperson_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_messages_channels" ADD CONSTRAINT "service_messages_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_spokesperson_id_users_id_fk" FOREIGN KEY ("spokesperson_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_messages_v_version_channels" ADD CONSTRAINT "_service_messages_v_version_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_service_messages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_service_messages_v" ADD CONSTRAINT "_service_messages_v_parent_id_service_messages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_messages_v" ADD CONSTRAINT "_service_messages_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_messages_v" ADD CONSTRAINT "_service_messages_v_version_department_id_departments_id_fk" FOREIGN KEY ("version_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_messages_v" ADD CONSTRAINT "_service_messages_v_version_category_id_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_messages_v" ADD CONSTRAINT "_service_messages_v_version_spokesperson_id_users_id_fk" FOREIGN KEY ("version_spokesperson_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_scopes" ADD CONSTRAINT "users_scopes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "screens_texts" ADD CONSTRAINT "screens_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."screens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_news_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_events_fk" FOREIGN KEY ("events_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_service_messages_fk" FOREIGN KEY ("service_messages_id") REFERENCES "public"."service_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_brand_assets_fk" FOREIGN KEY ("brand_assets_id") REFERENCES "public"."brand_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_screens_fk" FOREIGN KEY ("screens_id") REFERENCES "public"."screens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "brand" ADD CONSTRAINT "brand_coat_of_arms_id_brand_assets_id_fk" FOREIGN KEY ("coat_of_arms_id") REFERENCES "public"."brand_assets"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "news_channels_order_idx" ON "news_channels" USING btree ("order");
  CREATE INDEX "news_channels_parent_idx" ON "news_channels" USING btree ("parent_id");
  CREATE INDEX "news_image_idx" ON "news" USING btree ("image_id");
  CREATE UNIQUE INDEX "news_slug_idx" ON "news" USING btree ("slug");
  CREATE INDEX "news_department_idx" ON "news" USING btree ("department_id");
  CREATE INDEX "news_category_idx" ON "news" USING btree ("category_id");
  CREATE INDEX "news_spokesperson_idx" ON "news" USING btree ("spokesperson_id");
  CREATE INDEX "news_updated_at_idx" ON "news" USING btree ("updated_at");
  CREATE INDEX "news_created_at_idx" ON "news" USING btree ("created_at");
  CREATE INDEX "news__status_idx" ON "news" USING btree ("_status");
  CREATE INDEX "_news_v_version_channels_order_idx" ON "_news_v_version_channels" USING btree ("order");
  CREATE INDEX "_news_v_version_channels_parent_idx" ON "_news_v_version_channels" USING btree ("parent_id");
  CREATE INDEX "_news_v_parent_idx" ON "_news_v" USING btree ("parent_id");
  CREATE INDEX "_news_v_version_version_image_idx" ON "_news_v" USING btree ("version_image_id");
  CREATE INDEX "_news_v_version_version_slug_idx" ON "_news_v" USING btree ("version_slug");
  CREATE INDEX "_news_v_version_version_department_idx" ON "_news_v" USING btree ("version_department_id");
  CREATE INDEX "_news_v_version_version_category_idx" ON "_news_v" USING btree ("version_category_id");
  CREATE INDEX "_news_v_version_version_spokesperson_idx" ON "_news_v" USING btree ("version_spokesperson_id");
  CREATE INDEX "_news_v_version_version_updated_at_idx" ON "_news_v" USING btree ("version_updated_at");
  CREATE INDEX "_news_v_version_version_created_at_idx" ON "_news_v" USING btree ("version_created_at");
  CREATE INDEX "_news_v_version_version__status_idx" ON "_news_v" USING btree ("version__status");
  CREATE INDEX "_news_v_created_at_idx" ON "_news_v" USING btree ("created_at");
  CREATE INDEX "_news_v_updated_at_idx" ON "_news_v" USING btree ("updated_at");
  CREATE INDEX "_news_v_latest_idx" ON "_news_v" USING btree ("latest");
  CREATE INDEX "events_channels_order_idx" ON "events_channels" USING btree ("order");
  CREATE INDEX "events_channels_parent_idx" ON "events_channels" USING btree ("parent_id");
  CREATE INDEX "events_image_idx" ON "events" USING btree ("image_id");
  CREATE UNIQUE INDEX "events_slug_idx" ON "events" USING btree ("slug");
  CREATE INDEX "events_department_idx" ON "events" USING btree ("department_id");
  CREATE INDEX "events_category_idx" ON "events" USING btree ("category_id");
  CREATE INDEX "events_spokesperson_idx" ON "events" USING btree ("spokesperson_id");
  CREATE INDEX "events_updated_at_idx" ON "events" USING btree ("updated_at");
  CREATE INDEX "events_created_at_idx" ON "events" USING btree ("created_at");
  CREATE INDEX "events__status_idx" ON "events" USING btree ("_status");
  CREATE INDEX "_events_v_version_channels_order_idx" ON "_events_v_version_channels" USING btree ("order");
  CREATE INDEX "_events_v_version_channels_parent_idx" ON "_events_v_version_channels" USING btree ("parent_id");
  CREATE INDEX "_events_v_parent_idx" ON "_events_v" USING btree ("parent_id");
  CREATE INDEX "_events_v_version_version_image_idx" ON "_events_v" USING btree ("version_image_id");
  CREATE INDEX "_events_v_version_version_slug_idx" ON "_events_v" USING btree ("version_slug");
  CREATE INDEX "_events_v_version_version_department_idx" ON "_events_v" USING btree ("version_department_id");
  CREATE INDEX "_events_v_version_version_category_idx" ON "_events_v" USING btree ("version_category_id");
  CREATE INDEX "_events_v_version_version_spokesperson_idx" ON "_events_v" USING btree ("version_spokesperson_id");
  CREATE INDEX "_events_v_version_version_updated_at_idx" ON "_events_v" USING btree ("version_updated_at");
  CREATE INDEX "_events_v_version_version_created_at_idx" ON "_events_v" USING btree ("version_created_at");
  CREATE INDEX "_events_v_version_version__status_idx" ON "_events_v" USING btree ("version__status");
  CREATE INDEX "_events_v_created_at_idx" ON "_events_v" USING btree ("created_at");
  CREATE INDEX "_events_v_updated_at_idx" ON "_events_v" USING btree ("updated_at");
  CREATE INDEX "_events_v_latest_idx" ON "_events_v" USING btree ("latest");
  CREATE INDEX "service_messages_channels_order_idx" ON "service_messages_channels" USING btree ("order");
  CREATE INDEX "service_messages_channels_parent_idx" ON "service_messages_channels" USING btree ("parent_id");
  CREATE INDEX "service_messages_image_idx" ON "service_messages" USING btree ("image_id");
  CREATE UNIQUE INDEX "service_messages_slug_idx" ON "service_messages" USING btree ("slug");
  CREATE INDEX "service_messages_department_idx" ON "service_messages" USING btree ("department_id");
  CREATE INDEX "service_messages_category_idx" ON "service_messages" USING btree ("category_id");
  CREATE INDEX "service_messages_spokesperson_idx" ON "service_messages" USING btree ("spokesperson_id");
  CREATE INDEX "service_messages_updated_at_idx" ON "service_messages" USING btree ("updated_at");
  CREATE INDEX "service_messages_created_at_idx" ON "service_messages" USING btree ("created_at");
  CREATE INDEX "service_messages__status_idx" ON "service_messages" USING btree ("_status");
  CREATE INDEX "_service_messages_v_version_channels_order_idx" ON "_service_messages_v_version_channels" USING btree ("order");
  CREATE INDEX "_service_messages_v_version_channels_parent_idx" ON "_service_messages_v_version_channels" USING btree ("parent_id");
  CREATE INDEX "_service_messages_v_parent_idx" ON "_service_messages_v" USING btree ("parent_id");
  CREATE INDEX "_service_messages_v_version_version_image_idx" ON "_service_messages_v" USING btree ("version_image_id");
  CREATE INDEX "_service_messages_v_version_version_slug_idx" ON "_service_messages_v" USING btree ("version_slug");
  CREATE INDEX "_service_messages_v_version_version_department_idx" ON "_service_messages_v" USING btree ("version_department_id");
  CREATE INDEX "_service_messages_v_version_version_category_idx" ON "_service_messages_v" USING btree ("version_category_id");
  CREATE INDEX "_service_messages_v_version_version_spokesperson_idx" ON "_service_messages_v" USING btree ("version_spokesperson_id");
  CREATE INDEX "_service_messages_v_version_version_updated_at_idx" ON "_service_messages_v" USING btree ("version_updated_at");
  CREATE INDEX "_service_messages_v_version_version_created_at_idx" ON "_service_messages_v" USING btree ("version_created_at");
  CREATE INDEX "_service_messages_v_version_version__status_idx" ON "_service_messages_v" USING btree ("version__status");
  CREATE INDEX "_service_messages_v_created_at_idx" ON "_service_messages_v" USING btree ("created_at");
  CREATE INDEX "_service_messages_v_updated_at_idx" ON "_service_messages_v" USING btree ("updated_at");
  CREATE INDEX "_service_messages_v_latest_idx" ON "_service_messages_v" USING btree ("latest");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE UNIQUE INDEX "departments_slug_idx" ON "departments" USING btree ("slug");
  CREATE INDEX "departments_parent_idx" ON "departments" USING btree ("parent_id");
  CREATE INDEX "departments_updated_at_idx" ON "departments" USING btree ("updated_at");
  CREATE INDEX "departments_created_at_idx" ON "departments" USING btree ("created_at");
  CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "categories_updated_at_idx" ON "categories" USING btree ("updated_at");
  CREATE INDEX "categories_created_at_idx" ON "categories" USING btree ("created_at");
  CREATE INDEX "users_scopes_order_idx" ON "users_scopes" USING btree ("order");
  CREATE INDEX "users_scopes_parent_idx" ON "users_scopes" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_departments_id_idx" ON "users_rels" USING btree ("departments_id");
  CREATE INDEX "brand_assets_updated_at_idx" ON "brand_assets" USING btree ("updated_at");
  CREATE INDEX "brand_assets_created_at_idx" ON "brand_assets" USING btree ("created_at");
  CREATE UNIQUE INDEX "brand_assets_filename_idx" ON "brand_assets" USING btree ("filename");
  CREATE UNIQUE INDEX "screens_slug_idx" ON "screens" USING btree ("slug");
  CREATE INDEX "screens_updated_at_idx" ON "screens" USING btree ("updated_at");
  CREATE INDEX "screens_created_at_idx" ON "screens" USING btree ("created_at");
  CREATE INDEX "screens_texts_order_parent" ON "screens_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_news_id_idx" ON "payload_locked_documents_rels" USING btree ("news_id");
  CREATE INDEX "payload_locked_documents_rels_events_id_idx" ON "payload_locked_documents_rels" USING btree ("events_id");
  CREATE INDEX "payload_locked_documents_rels_service_messages_id_idx" ON "payload_locked_documents_rels" USING btree ("service_messages_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_departments_id_idx" ON "payload_locked_documents_rels" USING btree ("departments_id");
  CREATE INDEX "payload_locked_documents_rels_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("categories_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_brand_assets_id_idx" ON "payload_locked_documents_rels" USING btree ("brand_assets_id");
  CREATE INDEX "payload_locked_documents_rels_screens_id_idx" ON "payload_locked_documents_rels" USING btree ("screens_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "brand_coat_of_arms_idx" ON "brand" USING btree ("coat_of_arms_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "news_channels" CASCADE;
  DROP TABLE "news" CASCADE;
  DROP TABLE "_news_v_version_channels" CASCADE;
  DROP TABLE "_news_v" CASCADE;
  DROP TABLE "events_channels" CASCADE;
  DROP TABLE "events" CASCADE;
  DROP TABLE "_events_v_version_channels" CASCADE;
  DROP TABLE "_events_v" CASCADE;
  DROP TABLE "service_messages_channels" CASCADE;
  DROP TABLE "service_messages" CASCADE;
  DROP TABLE "_service_messages_v_version_channels" CASCADE;
  DROP TABLE "_service_messages_v" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "departments" CASCADE;
  DROP TABLE "categories" CASCADE;
  DROP TABLE "users_scopes" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "brand_assets" CASCADE;
  DROP TABLE "screens" CASCADE;
  DROP TABLE "screens_texts" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "brand" CASCADE;
  DROP TYPE "public"."enum_news_channels";
  DROP TYPE "public"."enum_news_type";
  DROP TYPE "public"."enum_news_audience";
  DROP TYPE "public"."enum_news_language";
  DROP TYPE "public"."enum_news_publishat_tz";
  DROP TYPE "public"."enum_news_embargountil_tz";
  DROP TYPE "public"."enum_news_expiresat_tz";
  DROP TYPE "public"."enum_news_status";
  DROP TYPE "public"."enum__news_v_version_channels";
  DROP TYPE "public"."enum__news_v_version_type";
  DROP TYPE "public"."enum__news_v_version_audience";
  DROP TYPE "public"."enum__news_v_version_language";
  DROP TYPE "public"."enum__news_v_version_publishat_tz";
  DROP TYPE "public"."enum__news_v_version_embargountil_tz";
  DROP TYPE "public"."enum__news_v_version_expiresat_tz";
  DROP TYPE "public"."enum__news_v_version_status";
  DROP TYPE "public"."enum_events_channels";
  DROP TYPE "public"."enum_events_startsat_tz";
  DROP TYPE "public"."enum_events_endsat_tz";
  DROP TYPE "public"."enum_events_audience";
  DROP TYPE "public"."enum_events_language";
  DROP TYPE "public"."enum_events_publishat_tz";
  DROP TYPE "public"."enum_events_embargountil_tz";
  DROP TYPE "public"."enum_events_expiresat_tz";
  DROP TYPE "public"."enum_events_status";
  DROP TYPE "public"."enum__events_v_version_channels";
  DROP TYPE "public"."enum__events_v_version_startsat_tz";
  DROP TYPE "public"."enum__events_v_version_endsat_tz";
  DROP TYPE "public"."enum__events_v_version_audience";
  DROP TYPE "public"."enum__events_v_version_language";
  DROP TYPE "public"."enum__events_v_version_publishat_tz";
  DROP TYPE "public"."enum__events_v_version_embargountil_tz";
  DROP TYPE "public"."enum__events_v_version_expiresat_tz";
  DROP TYPE "public"."enum__events_v_version_status";
  DROP TYPE "public"."enum_service_messages_channels";
  DROP TYPE "public"."enum_service_messages_severity";
  DROP TYPE "public"."enum_service_messages_audience";
  DROP TYPE "public"."enum_service_messages_language";
  DROP TYPE "public"."enum_service_messages_publishat_tz";
  DROP TYPE "public"."enum_service_messages_embargountil_tz";
  DROP TYPE "public"."enum_service_messages_expiresat_tz";
  DROP TYPE "public"."enum_service_messages_status";
  DROP TYPE "public"."enum__service_messages_v_version_channels";
  DROP TYPE "public"."enum__service_messages_v_version_severity";
  DROP TYPE "public"."enum__service_messages_v_version_audience";
  DROP TYPE "public"."enum__service_messages_v_version_language";
  DROP TYPE "public"."enum__service_messages_v_version_publishat_tz";
  DROP TYPE "public"."enum__service_messages_v_version_embargountil_tz";
  DROP TYPE "public"."enum__service_messages_v_version_expiresat_tz";
  DROP TYPE "public"."enum__service_messages_v_version_status";
  DROP TYPE "public"."enum_media_licence";
  DROP TYPE "public"."enum_media_rightsexpireat_tz";
  DROP TYPE "public"."enum_departments_kind";
  DROP TYPE "public"."enum_users_scopes";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_brand_assets_kind";
  DROP TYPE "public"."enum_screens_orientation";`)
}
