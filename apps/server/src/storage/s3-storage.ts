import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { assertKey, type ByteRange, StorageNotFound, StorageService, type StoredObject } from './storage.service';
import type { S3Config } from '../config/storage-config';

const notFound = (e: unknown) =>
  e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey');

/** Objects in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph, R2, …) through @aws-sdk/client-s3. */
export class S3Storage extends StorageService {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    super();
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible servers refuse the newer
      // streaming-checksum uploads the SDK would send by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get location(): string {
    return `s3://${this.config.bucket}/${this.config.prefix}`;
  }

  private key(key: string): { Bucket: string; Key: string } {
    assertKey(key);
    return { Bucket: this.config.bucket, Key: this.config.prefix + key };
  }

  async put(key: string, body: Buffer, { contentType }: { contentType: string }): Promise<void> {
    await this.client.send(new PutObjectCommand({ ...this.key(key), Body: body, ContentType: contentType }));
  }

  /** A multipart upload for large files (each part retried on its own), then the local file goes. */
  async moveIn(path: string, key: string, { contentType }: { contentType: string }): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { ...this.key(key), Body: createReadStream(path), ContentType: contentType },
    });
    await upload.done();
    await unlink(path);
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const h = await this.client.send(new HeadObjectCommand(this.key(key)));
      return { size: h.ContentLength ?? 0, modified: h.LastModified ?? new Date(0) };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ ...this.key(key), Range: range && `bytes=${range.start}-${range.end}` }),
      );
      return Body as Readable;
    } catch (e) {
      if (notFound(e)) throw new StorageNotFound(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand(this.key(key)));
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.config.bucket,
          Prefix: this.config.prefix + prefix,
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(this.config.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }), {
      abortSignal: AbortSignal.timeout(3000),
    });
  }

  override close(): void {
    this.client.destroy();
  }
}
